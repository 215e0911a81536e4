import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { listEnvelope } from "../../../shared/schemas/common.ts";
import { partner } from "../../../shared/schemas/partner.ts";
import type { ErrorInfo } from "../../messaging/protocol.ts";
import { api } from "./use-pages.ts";

/**
 * Asks the API once before the sections do: when it is down or not set up,
 * the page says so once, with Retry, instead of each section failing alike.
 */
export function ApiGate({ children }: { children: ComponentChildren }) {
  const [state, setState] = useState<"checking" | "ok" | ErrorInfo>("checking");
  const check = () => {
    setState("checking");
    void api("/v1/partners?limit=1", listEnvelope(partner)).then((reply) => setState(reply.ok ? "ok" : reply.error));
  };
  useEffect(check, []);
  if (state === "checking") return <p class="muted" role="status">Connecting to Mutual…</p>;
  if (state !== "ok") {
    return (
      <div class="status problem" role="alert">
        <p>{state.message}</p>
        <button type="button" onClick={check}>Retry</button>
      </div>
    );
  }
  return <>{children}</>;
}
