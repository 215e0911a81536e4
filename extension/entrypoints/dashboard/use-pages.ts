import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { z } from "zod";
import { listEnvelope } from "../../../shared/schemas/common.ts";
import type { ErrorInfo, Reply } from "../../messaging/protocol.ts";
import { send } from "../../messaging/send.ts";

/**
 * Reads the API through the background and checks the answer with the API's
 * own response schema (shared/schemas), so a page never trusts a shape it
 * only assumed.
 */
export async function api<S extends z.ZodType>(path: string, schema: S): Promise<Reply<z.output<S>>> {
  const reply = await send({ type: "api", path });
  if (!reply.ok) return reply;
  const parsed = schema.safeParse(reply.data);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, error: { code: "unexpected_reply", message: `The API's answer to ${path.split("?")[0]} is not what this version of Mutual expects; update the extension.` } };
}

interface Paged<T> {
  items: T[] | null;
  error: ErrorInfo | null;
  loading: boolean;
  /** Loads the next page; undefined when there is none. */
  more: (() => void) | undefined;
}

/**
 * A list read page by page from the API (`next_cursor`), first page on mount.
 * `onPage` sees each page as it lands (to fetch what goes with it).
 */
export function usePages<S extends z.ZodType>(path: string, item: S, onPage?: (items: z.output<S>[]) => void): Paged<z.output<S>> {
  type T = z.output<S>;
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [loading, setLoading] = useState(true);
  const [cursor, setCursor] = useState<string | null>(null);
  const pageHandler = useRef(onPage);
  pageHandler.current = onPage;

  const load = useCallback(async (after: string | null) => {
    setLoading(true);
    const separator = path.includes("?") ? "&" : "?";
    const reply = await api(`${path}${after ? `${separator}cursor=${encodeURIComponent(after)}` : ""}`, listEnvelope(item));
    setLoading(false);
    if (!reply.ok) return setError(reply.error);
    setError(null);
    setItems((current) => [...(after ? current ?? [] : []), ...reply.data.items]);
    setCursor(reply.data.next_cursor);
    pageHandler.current?.(reply.data.items);
  }, [path, item]);

  useEffect(() => void load(null), [load]);
  return { items, error, loading, more: cursor && !loading ? () => void load(cursor) : undefined };
}
