import type { ConnectionReport } from "../messaging/protocol.ts";
import { ApiUnreachable, callApi, errorOf } from "./api-client.ts";
import type { ApiSettings } from "./settings.ts";

/** Says plainly what is wrong: nothing set, nothing there, not our API, or a bad token. */
export async function checkConnection(settings: ApiSettings | null): Promise<ConnectionReport> {
  if (!settings) return { state: "not_configured", message: "Add the API URL and an API token on Mutual's options page." };
  let health;
  try {
    health = await callApi(settings, "/healthz", { timeoutMs: 8_000 });
  } catch (error) {
    if (!(error instanceof ApiUnreachable)) throw error;
    return { state: "unreachable", message: `Nothing answered at ${settings.apiUrl}. Is the API running (npm start) and the URL right?` };
  }
  // Rate-limited (the API's Retry-After, or ours while it lasts): the API is there, just not now.
  if (health.status === 429) return { state: "unreachable", message: errorOf(health).message };
  if (health.status !== 200 || (health.body as { ok?: unknown } | null)?.ok !== true) {
    return { state: "wrong_url", message: `${settings.apiUrl} answered, but it is not the Mutual API (GET /healthz gave HTTP ${health.status}). Check the URL.` };
  }
  const me = await callApi(settings, "/v1/me", { timeoutMs: 8_000 });
  if (me.status === 401) return { state: "bad_token", message: "The API rejected this token: it is unknown or was revoked. Create a new one with npm run token." };
  if (me.status !== 200) return { state: "error", message: `The API answered HTTP ${me.status} to /v1/me.` };
  const body = me.body as { workspace: { id?: string; name: string }; member: { id?: string; email: string } };
  return {
    state: "connected", message: `Connected to ${body.workspace.name} as ${body.member.email}.`,
    workspace: body.workspace.name, email: body.member.email,
    ...(body.member.id ? { memberId: body.member.id } : {}), ...(body.workspace.id ? { workspaceId: body.workspace.id } : {}),
  };
}
