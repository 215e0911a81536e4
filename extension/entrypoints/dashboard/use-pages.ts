import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { ErrorInfo } from "../../messaging/protocol.ts";
import { send } from "../../messaging/send.ts";

export const api = <T,>(path: string) => send<T>({ type: "api", path });

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
export function usePages<T>(path: string, onPage?: (items: T[]) => void): Paged<T> {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [loading, setLoading] = useState(true);
  const [cursor, setCursor] = useState<string | null>(null);
  const pageHandler = useRef(onPage);
  pageHandler.current = onPage;

  const load = useCallback(async (after: string | null) => {
    setLoading(true);
    const separator = path.includes("?") ? "&" : "?";
    const reply = await api<{ items: T[]; next_cursor: string | null }>(`${path}${after ? `${separator}cursor=${encodeURIComponent(after)}` : ""}`);
    setLoading(false);
    if (!reply.ok) return setError(reply.error);
    setError(null);
    setItems((current) => [...(after ? current ?? [] : []), ...reply.data.items]);
    setCursor(reply.data.next_cursor);
    pageHandler.current?.(reply.data.items);
  }, [path]);

  useEffect(() => void load(null), [load]);
  return { items, error, loading, more: cursor && !loading ? () => void load(cursor) : undefined };
}
