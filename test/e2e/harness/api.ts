/**
 * The real API over HTTP, as the tests use it to seed data and to check what
 * the extension wrote. Every call says what it asked when it fails.
 */
import { randomUUID } from "node:crypto";

export interface ApiClient {
  get<T = unknown>(path: string): Promise<T>;
  post<T = unknown>(path: string, body: unknown): Promise<T>;
  patch<T = unknown>(path: string, body: unknown): Promise<T>;
  delete(path: string): Promise<void>;
  /** Every item of a cursor-paginated list. */
  list<T = unknown>(path: string): Promise<T[]>;
}

export function apiClient(baseUrl: string, token: string): ApiClient {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      headers["Idempotency-Key"] = randomUUID();
    }
    const response = await fetch(`${baseUrl}${path}`, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered HTTP ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
  return {
    get: (path) => call("GET", path),
    post: (path, body) => call("POST", path, body),
    patch: (path, body) => call("PATCH", path, body),
    delete: async (path) => {
      await call("DELETE", path);
    },
    async list<T>(path: string): Promise<T[]> {
      const items: T[] = [];
      let cursor: string | null = null;
      do {
        const separator = path.includes("?") ? "&" : "?";
        const page: { items: T[]; next_cursor: string | null } = await call("GET", `${path}${cursor ? `${separator}cursor=${encodeURIComponent(cursor)}` : ""}`);
        items.push(...page.items);
        cursor = page.next_cursor;
      } while (cursor);
      return items;
    },
  };
}

/** The API's records, as much of them as the tests look at. */
export interface Commitment {
  id: string;
  partner_id: string;
  title: string;
  owed_by: "us" | "partner";
  owner_email: string | null;
  due_on: string | null;
  status: string;
  source_url: string | null;
  meeting_id: string | null;
}

export interface Partner {
  id: string;
  name: string;
  domains: string[];
  kind: string;
  status: string;
}

export interface Meeting {
  id: string;
  title: string;
  occurred_at: string;
  attendees: string[];
  agenda: string;
  notes: string;
  decisions: string[];
  source_url: string | null;
  calendar_event_id?: string | null;
}

export interface Contact {
  id: string;
  email: string;
}
