import { storage } from "wxt/utils/storage";
import type { PendingWrite } from "./protocol.ts";

/**
 * The queued writes, in extension storage. Only the background writes it
 * (background/outbox.ts, one change at a time); the sidebar watches it to
 * learn when one of its writes has reached the API.
 */
export const outboxItem = storage.defineItem<PendingWrite[]>("local:outbox", { fallback: [] });
