import type { Reply } from "../messaging/protocol.ts";
import type { SharingMessage } from "../messaging/sharing-message.ts";
import { callApi, errorOf } from "./api-client.ts";
import type { ApiSettings } from "./settings.ts";

/**
 * Sends a dashboard's or the options page's sharing call as it is, at once:
 * inviting, accepting, revoking and settings are done by a person watching
 * the answer, so they are not queued for later like the sidebar's writes.
 */
export async function sendSharingRequest(settings: ApiSettings, message: SharingMessage): Promise<Reply<unknown>> {
  const response = await callApi(settings, message.path, { method: message.method, ...(message.body === undefined ? {} : { body: message.body }) });
  if (response.status >= 200 && response.status < 300) return { ok: true, data: response.body };
  return { ok: false, error: errorOf(response) };
}
