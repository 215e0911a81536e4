import { signal } from "@preact/signals";
import { useEffect, useState } from "preact/hooks";
import type { z } from "zod";
import { listEnvelope } from "../../../shared/schemas/common.ts";
import type { ErrorInfo } from "../../messaging/protocol.ts";
import { api } from "./use-pages.ts";

/** Bumped after each write the page makes, so every list on it reads again. */
export const recordsVersion = signal(0);

/** One list of a partner's records (the first 100), read again after each write. */
export function useRecords<S extends z.ZodType>(path: string, item: S): { items: z.output<S>[] | null; error: ErrorInfo | null } {
  const [state, setState] = useState<{ items: z.output<S>[] | null; error: ErrorInfo | null }>({ items: null, error: null });
  const version = recordsVersion.value;
  useEffect(() => {
    let current = true;
    void api(path, listEnvelope(item)).then((reply) => {
      if (current) setState(reply.ok ? { items: reply.data.items, error: null } : { items: null, error: reply.error });
    });
    return () => {
      current = false;
    };
  }, [path, item, version]);
  return state;
}
