import { signal } from "@preact/signals";
import { send } from "../messaging/send.ts";

/**
 * The signed-in member's address (GET /v1/me, asked once per frame): the
 * owner our side's action items default to, on pages that don't show it
 * (Calendar). Null until known, or when the API can't be asked.
 */
export const signedInEmail = signal<string | null>(null);

let asking: Promise<void> | null = null;

export function askSignedIn(): Promise<void> {
  asking ??= send({ type: "me" }).then((reply) => {
    if (reply.ok) signedInEmail.value = reply.data.email;
    else asking = null;
  });
  return asking;
}
