import { useEffect, useState } from "preact/hooks";
import { sharingSettings } from "../../shared/schemas/workspace-settings.ts";
import type { ErrorInfo } from "../messaging/protocol.ts";
import { send } from "../messaging/send.ts";

type Visibility = "private" | "shared";

/**
 * The options page's Sharing section: the workspace's default for the
 * sidebar's "Share with <partner>" toggle. Everyone sees it; only owners and
 * admins can change it (the API says so when someone else tries).
 */
export function SharingDefaultOption() {
  const [value, setValue] = useState<Visibility | null>(null);
  const [status, setStatus] = useState<{ text: string; problem: boolean } | null>(null);
  useEffect(() => {
    void send({ type: "sharing", method: "GET", path: "/v1/workspace/settings" }).then((reply) => {
      const parsed = reply.ok ? sharingSettings.safeParse((reply.data as { sharing?: unknown } | null)?.sharing) : null;
      if (parsed?.success) setValue(parsed.data.default_visibility);
    });
  }, []);
  if (!value) return null;
  const change = async (next: Visibility) => {
    setStatus({ text: "Saving…", problem: false });
    const reply = await send({ type: "sharing", method: "PATCH", path: "/v1/workspace/settings", body: { sharing: { default_visibility: next } } });
    if (!reply.ok) return setStatus({ text: (reply.error as ErrorInfo).message, problem: true });
    setValue(next);
    setStatus({ text: next === "shared" ? "New records of connected partners start shared." : "New records start private.", problem: false });
  };
  return (
    <section aria-labelledby="sharing-heading">
      <h2 id="sharing-heading">Sharing with connected partners</h2>
      <p class="muted">What the sidebar's "Share with …" toggle starts from on every form, for partners connected on Mutual. Each form still lets you change it.</p>
      <label class="check">
        <input type="radio" name="default-visibility" checked={value === "private"} onChange={() => void change("private")} /> Private: only our workspace sees new records (recommended)
      </label>
      <label class="check">
        <input type="radio" name="default-visibility" checked={value === "shared"} onChange={() => void change("shared")} /> Shared: the connected partner company sees new records
      </label>
      {status && <p class={status.problem ? "status problem" : "status"} role="status">{status.text}</p>}
    </section>
  );
}
