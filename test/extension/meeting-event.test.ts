import { describe, expect, it } from "vitest";
import type { Meeting } from "../../shared/schemas/meeting.ts";
import { eventPrefill, meetingChanges, meetingDay, occurredAt } from "../../extension/sidebar/forms/meeting-event.ts";

const event = { eventId: "7kq3m1c9v2hb8n4r6t0s5p2d1e", title: "Q1 review", guests: [], url: "https://calendar.google.com/calendar/event?eid=x" };

describe("meeting notes' time from a calendar event", () => {
  it("reads Calendar's words when the page gave no exact time, and keeps an invitation's exact one", async () => {
    const fromWords = await eventPrefill({ ...event, whenText: "Tuesday, December 1, 2026⋅10:00 – 11:00am", startsAt: null, endsAt: null }, new Date(2026, 10, 28));
    expect(fromWords).toEqual({ eventId: event.eventId, title: "Q1 review", startsAt: new Date(2026, 11, 1, 10).toISOString(), endsAt: new Date(2026, 11, 1, 11).toISOString() });
    const exact = await eventPrefill({ ...event, whenText: "nonsense", startsAt: "2026-12-01T10:00:00.000Z", endsAt: null }, new Date());
    expect(exact.startsAt).toBe("2026-12-01T10:00:00.000Z");
    const none = await eventPrefill({ ...event, whenText: null, startsAt: null, endsAt: null }, new Date());
    expect(none.startsAt).toBeNull();
  });

  it("is the event's start on the event's day, noon local on any other day picked", () => {
    const prefill = { eventId: event.eventId, title: null, startsAt: new Date(2026, 11, 1, 10, 30).toISOString(), endsAt: null };
    expect(meetingDay(prefill, new Date(2026, 10, 28))).toBe("2026-12-01");
    expect(occurredAt("2026-12-01", prefill)).toBe(prefill.startsAt);
    expect(occurredAt("2026-12-02", prefill)).toBe(new Date(2026, 11, 2, 12).toISOString());
    expect(meetingDay(null, new Date(2026, 10, 28, 9))).toBe("2026-11-28");
    expect(occurredAt("2026-11-28", null)).toBe(new Date(2026, 10, 28, 12).toISOString());
  });
});

describe("continuing saved notes", () => {
  const saved = { title: "Q1 review", attendees: ["a@x.com", "b@y.com"], agenda: "MDF", notes: "n", decisions: ["d"] } as unknown as Meeting;
  it("sends only what changed, lists compared in order", () => {
    expect(meetingChanges(saved, { title: "Q1 review", attendees: ["a@x.com", "b@y.com"], agenda: "MDF", notes: "n", decisions: ["d"] })).toEqual({});
    expect(meetingChanges(saved, { title: "Q1 review!", attendees: ["b@y.com", "a@x.com"], agenda: "MDF", notes: "n2", decisions: ["d"] }))
      .toEqual({ title: "Q1 review!", attendees: ["b@y.com", "a@x.com"], notes: "n2" });
  });
});
