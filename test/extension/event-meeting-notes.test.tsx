import { render } from "preact";
import { act } from "preact/test-utils";
import { browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LookupMatch } from "../../shared/schemas/lookup.ts";
import type { Meeting } from "../../shared/schemas/meeting.ts";
import { EventMeetingNotes } from "../../extension/sidebar/forms/EventMeetingNotes.tsx";
import type { CalendarEventFacts } from "../../extension/sites/page-context.ts";

/**
 * Meeting notes for a calendar event, with the background answered by the
 * test: prefilled from the event, linked to it when saved, continued (PATCH
 * with If-Match) when notes for it exist, attendees and owners only from
 * this partner and our side.
 */
const event: CalendarEventFacts = {
  eventId: "7kq3m1c9v2hb8n4r6t0s5p2d1e",
  title: "Q1 partner review",
  whenText: "Tuesday, December 1, 2026⋅10:00 – 11:00am",
  startsAt: null,
  endsAt: null,
  guests: ["dana@fabrikam.com", "priya.shah@brightpath-solutions.com", "omar@fabrikam.com", "tom.reyes@northwind.example"],
  url: "https://calendar.google.com/calendar/event?eid=N2tx",
};
const match = {
  partner: { id: "ptr_brightpath", name: "Brightpath", domains: ["brightpath-solutions.com"] },
  matched_by: [{ type: "domain", value: "brightpath-solutions.com" }],
} as unknown as LookupMatch;
const existing = {
  id: "mtg_1", partner_id: "ptr_brightpath", version: 3, title: "Q1 partner review", occurred_at: "2026-12-01T10:00:00.000Z",
  attendees: ["dana@fabrikam.com", "priya.shah@brightpath-solutions.com"], agenda: "MDF", notes: "Agreed the webinar.", decisions: ["Webinar in January"],
  source_url: event.url, interaction_id: "int_1", calendar_event_id: event.eventId, visibility: "private", created_at: "2026-12-01T11:00:00.000Z",
} as unknown as Meeting;

let host: HTMLElement;
/** What the API answers to a write, when not "synced". */
let refusal: { code: string; message: string } | null;
let writes: { action: string; body: Record<string, unknown>; ifMatch?: number }[];
let saved: Meeting[];
beforeEach(() => {
  fakeBrowser.reset();
  writes = [];
  saved = [];
  refusal = null;
  vi.spyOn(browser.runtime, "sendMessage").mockImplementation((async (message: { type: string; path?: string; write: (typeof writes)[number] }) => {
    if (message.type === "api") return { ok: true, data: { items: message.path!.includes(`calendar_event_id=${event.eventId}`) ? saved : [] } };
    if (message.type === "me") return { ok: true, data: { email: "dana@fabrikam.com" } };
    if (message.type === "write") {
      writes.push(message.write);
      if (refusal) return { ok: true, data: { result: "refused", response: null, error: refusal, id: "w" } };
      return { ok: true, data: { result: "synced", response: {}, error: null, id: "w" } };
    }
    if (message.type === "outbox") return { ok: true, data: { writes: [], signInNeeded: false, held: [] } };
    return undefined;
  }) as never);
  host = document.createElement("div");
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
  vi.restoreAllMocks();
});

const settle = () => act(async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
});
async function mount(onDone = vi.fn()) {
  act(() => render(<EventMeetingNotes match={match} event={event} sourceUrl={event.url} people={[]} ownAddress={null} agenda="Open promises:" onDone={onDone} />, host));
  // The saved notes, who is signed in and the date parser (loaded on demand) come first.
  await vi.waitFor(async () => {
    await settle();
    expect(host.querySelector("form")).not.toBeNull();
  });
  return onDone;
}
const field = (id: string) => host.querySelector<HTMLInputElement>(`#${id}`)!;
const type = (element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) => act(() => {
  element.value = value;
  element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
});
const submit = async () => {
  act(() => { host.querySelector("form")!.dispatchEvent(new Event("submit", { cancelable: true })); });
  await settle();
};

describe("meeting notes for a calendar event", () => {
  it("opens prefilled from the event: its title, its day, ours and this partner's people only", async () => {
    await mount();
    expect(host.querySelector("h3")!.textContent).toBe("Meeting notes");
    expect(field("meeting-title").value).toBe("Q1 partner review");
    expect(field("meeting-date").value).toBe("2026-12-01");
    // Tom is from another company on the same invitation: not this partner's attendee.
    expect(field("meeting-attendees").value).toBe("dana@fabrikam.com, omar@fabrikam.com, priya.shah@brightpath-solutions.com");
  });

  it("saves the notes linked to the event, at the event's start, with each action item's owner", async () => {
    await mount();
    act(() => host.querySelector<HTMLButtonElement>("fieldset button")!.click());
    act(() => host.querySelector<HTMLButtonElement>("fieldset > button")!.click());
    type(field("action-0-title"), "Send the MDF numbers");
    type(field("action-1-title"), "Share the webinar dates");
    type(host.querySelector<HTMLSelectElement>('[aria-label="Who owes action 2"]')!, "partner");
    const ours = host.querySelector<HTMLSelectElement>('[aria-label="Owner of action 1"]')!;
    expect([...ours.options].map((option) => option.value)).toEqual(["dana@fabrikam.com", "omar@fabrikam.com", ""]);
    expect([...host.querySelector<HTMLSelectElement>('[aria-label="Owner of action 2"]')!.options].map((o) => o.value)).toEqual(["priya.shah@brightpath-solutions.com", ""]);
    await submit();
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ action: "createMeeting", partnerId: "ptr_brightpath" });
    expect(writes[0]!.body).toMatchObject({
      calendar_event_id: event.eventId,
      occurred_at: new Date(2026, 11, 1, 10, 0).toISOString(),
      source_url: event.url,
      action_items: [
        { title: "Send the MDF numbers", owed_by: "us", owner_email: "dana@fabrikam.com" },
        { title: "Share the webinar dates", owed_by: "partner", owner_email: "priya.shah@brightpath-solutions.com" },
      ],
    });
  });

  it("continues the notes saved for the event: only what changed, with If-Match, and new action items as promises", async () => {
    saved = [existing];
    const onDone = await mount();
    expect(host.querySelector("h3")!.textContent).toBe("Meeting notes (continued)");
    expect(field("meeting-notes").value).toBe("Agreed the webinar.");
    expect(field("meeting-date").readOnly).toBe(true);
    type(field("meeting-notes"), "Agreed the webinar. Priya sends dates.");
    act(() => host.querySelector<HTMLButtonElement>("fieldset > button")!.click());
    type(field("action-0-title"), "Book the room");
    await submit();
    expect(writes.map((write) => write.action)).toEqual(["createCommitment", "patchMeeting"]);
    expect(writes[0]!.body).toMatchObject({ title: "Book the room", owed_by: "us", owner_email: "dana@fabrikam.com", source_url: event.url });
    expect(writes[1]).toMatchObject({ meetingId: "mtg_1", ifMatch: 3, body: { notes: "Agreed the webinar. Priya sends dates." } });
    expect(Object.keys(writes[1]!.body)).toEqual(["notes"]);
    expect(onDone).toHaveBeenCalledOnce();
  });

  it("when someone saved notes for the event meanwhile (409), switches to continuing theirs, keeping what was typed", async () => {
    await mount();
    type(field("meeting-notes"), "My notes");
    saved = [existing];
    refusal = { code: "conflict", message: "calendar_event_id: this event already has meeting mtg_1" };
    await submit();
    await settle();
    expect(writes.map((write) => write.action)).toEqual(["createMeeting"]);
    expect(host.querySelector("h3")!.textContent).toBe("Meeting notes (continued)");
    expect(host.textContent).toContain("Someone saved notes for this event while you typed");
    refusal = null;
    await settle();
    expect(field("meeting-notes").value).toBe("My notes");
    await submit();
    expect(writes.at(-1)).toMatchObject({ action: "patchMeeting", meetingId: "mtg_1", ifMatch: 3, body: { notes: "My notes" } });
  });
});
