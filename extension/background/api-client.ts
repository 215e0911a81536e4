import type { ErrorInfo } from "../messaging/protocol.ts";
import type { ApiSettings } from "./settings.ts";

/** The API could not be reached at all: worth retrying later. */
export class ApiUnreachable extends Error {}

export interface ApiResponse {
  status: number;
  body: unknown;
  /** From Retry-After on a 429 or 503: how long the API asked us to wait. */
  retryAfterMs: number | null;
}

export interface ApiCall {
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  body?: unknown;
  idempotencyKey?: string;
  /** The version the change was made to: the API answers 412 if the record has moved on. */
  ifMatch?: number;
  timeoutMs?: number;
}

/** The longest wait a Retry-After is taken at its word for. */
const maxRetryAfterMs = 60 * 60_000;
/** Per API URL: no request before this time (ms since the epoch), as the API asked. */
const quietUntil = new Map<string, number>();

/** Retry-After in seconds or as an HTTP date, in ms from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  if (!Number.isFinite(ms)) return null;
  return Math.min(maxRetryAfterMs, Math.max(0, ms));
}

function throttled(retryAfterMs: number): ApiResponse {
  const seconds = Math.ceil(retryAfterMs / 1000);
  return {
    status: 429,
    body: { error: { code: "rate_limited", message: `Mutual's API asked to wait: try again in ${seconds} s.` } },
    retryAfterMs,
  };
}

export async function callApi(settings: ApiSettings, path: string, call: ApiCall = {}): Promise<ApiResponse> {
  // The API said to wait: asking again before then would only be refused, and count against us.
  const wait = (quietUntil.get(settings.apiUrl) ?? 0) - Date.now();
  if (wait > 0) return throttled(wait);
  const headers: Record<string, string> = { Authorization: `Bearer ${settings.token}` };
  if (call.body !== undefined) headers["Content-Type"] = "application/json";
  if (call.idempotencyKey) headers["Idempotency-Key"] = call.idempotencyKey;
  if (call.ifMatch !== undefined) headers["If-Match"] = `"${call.ifMatch}"`;
  let response: Response;
  try {
    response = await fetch(`${settings.apiUrl}${path}`, {
      method: call.method ?? "GET",
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: AbortSignal.timeout(call.timeoutMs ?? 15_000),
    });
  } catch (error) {
    throw new ApiUnreachable(error instanceof Error ? error.message : String(error));
  }
  const retryAfterMs = response.status === 429 || response.status === 503 ? parseRetryAfter(response.headers.get("Retry-After"), Date.now()) : null;
  if (retryAfterMs) quietUntil.set(settings.apiUrl, Date.now() + retryAfterMs);
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = { error: { code: "not_json", message: `The server at ${settings.apiUrl} did not answer like the Mutual API (HTTP ${response.status}).` } };
  }
  return { status: response.status, body, retryAfterMs };
}

/** What the sidebar says when the token is refused: the user can fix it in Settings, waiting will not. */
export const signInAgain: ErrorInfo = {
  code: "sign_in_again",
  message: "Mutual's API no longer accepts this computer's token (revoked or unknown). Sign in again in Settings.",
};

/** The API's {"error": {...}} body, or a plain description of what came back. */
export function errorOf(response: ApiResponse): ErrorInfo {
  if (response.status === 401) return signInAgain;
  const error = (response.body as { error?: ErrorInfo } | null)?.error;
  if (error && typeof error.message === "string") return error;
  return { code: `http_${response.status}`, message: `The API answered HTTP ${response.status}.` };
}
