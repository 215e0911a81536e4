import type { z } from "zod";
import type { Reply } from "../../messaging/protocol.ts";
import type { SharingMessage } from "../../messaging/sharing-message.ts";
import { send } from "../../messaging/send.ts";

/** A sharing call through the background, its answer checked with the API's own schema (none for a 204). */
export async function sharingCall<S extends z.ZodType>(method: SharingMessage["method"], path: string, schema: S | null, body?: unknown): Promise<Reply<z.output<S> | null>> {
  const reply = await send({ type: "sharing", method, path, ...(body === undefined ? {} : { body }) });
  if (!reply.ok) return reply;
  if (!schema) return { ok: true, data: null };
  const parsed = schema.safeParse(reply.data);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, error: { code: "unexpected_reply", message: `The API's answer to ${path.split("?")[0]} is not what this version of Mutual expects; update the extension.` } };
}

/** Copies a code or link; says so, or says to copy it by hand where the page may not write the clipboard. */
export async function copyText(text: string): Promise<string> {
  try {
    await navigator.clipboard.writeText(text);
    return "Copied.";
  } catch {
    return "Select it and copy it by hand.";
  }
}

/** "in 30 days" / "expired": an expiry as a person reads it. */
export function expiryWords(expiresAt: string, now: Date): string {
  const days = Math.ceil((Date.parse(expiresAt) - now.getTime()) / 86_400_000);
  if (days <= 0) return "expired";
  return `expires ${expiresAt.slice(0, 10)} (in ${days} day${days === 1 ? "" : "s"})`;
}
