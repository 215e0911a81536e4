import type { ErrorInfo } from "../messaging/protocol.ts";
import type { ApiSettings } from "./settings.ts";

/** The API could not be reached at all: worth retrying later. */
export class ApiUnreachable extends Error {}

export interface ApiResponse {
  status: number;
  body: unknown;
}

export interface ApiCall {
  method?: "GET" | "POST" | "PATCH";
  body?: unknown;
  idempotencyKey?: string;
  timeoutMs?: number;
}

export async function callApi(settings: ApiSettings, path: string, call: ApiCall = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { Authorization: `Bearer ${settings.token}` };
  if (call.body !== undefined) headers["Content-Type"] = "application/json";
  if (call.idempotencyKey) headers["Idempotency-Key"] = call.idempotencyKey;
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
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = { error: { code: "not_json", message: `The server at ${settings.apiUrl} did not answer like the Mutual API (HTTP ${response.status}).` } };
  }
  return { status: response.status, body };
}

/** The API's {"error": {...}} body, or a plain description of what came back. */
export function errorOf(response: ApiResponse): ErrorInfo {
  const error = (response.body as { error?: ErrorInfo } | null)?.error;
  if (error && typeof error.message === "string") return error;
  return { code: `http_${response.status}`, message: `The API answered HTTP ${response.status}.` };
}
