import { signal } from "@preact/signals";
import { sharingSettings } from "../../../shared/schemas/workspace-settings.ts";
import { send } from "../../messaging/send.ts";

/**
 * The workspace's default visibility (GET /v1/workspace/settings), asked once
 * per frame: what every form's "Share with <partner>" toggle starts from.
 * Private until known, and when the API can't be asked: a form never shares
 * because an answer was missing.
 */
export const workspaceDefaultVisibility = signal<"private" | "shared">("private");

let asking: Promise<void> | null = null;

export function askShareDefault(): Promise<void> {
  asking ??= send({ type: "sharing", method: "GET", path: "/v1/workspace/settings" }).then((reply) => {
    const sharing = reply.ok ? sharingSettings.safeParse((reply.data as { sharing?: unknown } | null)?.sharing) : null;
    if (sharing?.success) workspaceDefaultVisibility.value = sharing.data.default_visibility;
    else asking = null;
  });
  return asking;
}

/** A form's choice if its person made one, else the workspace's default. */
export const isShared = (chosen: boolean | undefined) => chosen ?? workspaceDefaultVisibility.value === "shared";

/** Asks again on the next form (after the options page changed the default). */
export function forgetShareDefault(): void {
  asking = null;
}
