import { effect } from "@preact/signals";
import { lookupState, openForm, pageContext } from "./store.ts";

/**
 * On a calendar event, "Meeting notes" opens ready for the first partner
 * among its guests, once per event: closed, it stays closed until another
 * event is opened. Only a new lookup answer triggers it, never the page
 * changing alone, so a previous page's partners are never the ones used.
 */
export function openNotesOnEvents(): () => void {
  let openedFor: string | null = null;
  return effect(() => {
    const state = lookupState.value;
    const context = pageContext.peek();
    if (context?.kind !== "event") {
      openedFor = null;
      return;
    }
    const first = state.data?.matches[0];
    if (state.status !== "ready" || !first || openedFor === context.event.eventId) return;
    openedFor = context.event.eventId;
    if (!openForm.peek()) openForm.value = { form: "meeting", partnerId: first.partner.id };
  });
}
