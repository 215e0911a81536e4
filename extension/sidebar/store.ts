import { signal } from "@preact/signals";
import { storage } from "wxt/utils/storage";
import type { LookupResult } from "../../shared/schemas/lookup.ts";
import type { CachedLookup, ErrorInfo, OutboxView } from "../messaging/protocol.ts";
import type { PageContext } from "../sites/page-context.ts";

/** Everything the sidebar shows, in one place; the content script fills it, components read it. */
export interface LookupState {
  status: "idle" | "loading" | "ready" | "error";
  data: LookupResult | null;
  /** Shown from the local cache while the API is asked again. */
  fromCache: boolean;
  fetchedAt: string | null;
  error: ErrorInfo | null;
  /** Who on the page could be from a partner. */
  people: CachedLookup<unknown>["people"];
}

export const noPeople = { emails: [], companyDomains: [] };

export const pageContext = signal<PageContext | null>(null);
export const lookupState = signal<LookupState>({ status: "idle", data: null, fromCache: false, fetchedAt: null, error: null, people: noPeople });
export const outbox = signal<OutboxView>({ writes: [], signInNeeded: false, held: [] });
export const collapsed = signal(true);
/** Whether the user left the sidebar collapsed, kept for every page and tab. */
export const collapsedItem = storage.defineItem<boolean>("local:sidebarCollapsed", { fallback: false });
/** The open form, if any: one at a time keeps the sidebar short. */
export const openForm = signal<{ form: "promise" | "meeting" | "touchpoint" | "addPartner"; partnerId: string | null } | null>(null);
/** A short message for screen readers and sighted users alike ("Saved", "Saved, will sync"). */
export const announcement = signal("");
