import { describe, expect, it } from "vitest";
import { partnerAttendees } from "../../shared/calendar-events/attendees.ts";
import { calendarEidFromUrl, calendarEventKey } from "../../shared/calendar-events/event-id.ts";
import { eventTimeFromText, instantFromBasicIso } from "../../shared/calendar-events/event-time.ts";

describe("calendar event ids", () => {
  it("takes the event id out of an eid, so each guest's eid names the same event", () => {
    // base64url of "7kq3m1c9v2hb8n4r6t0s5p2d1e dana@fabrikam.com" and of the same event in Priya's calendar
    expect(calendarEventKey("N2txM20xYzl2MmhiOG40cjZ0MHM1cDJkMWUgZGFuYUBmYWJyaWthbS5jb20")).toBe("7kq3m1c9v2hb8n4r6t0s5p2d1e");
    expect(calendarEventKey("N2txM20xYzl2MmhiOG40cjZ0MHM1cDJkMWUgcHJpeWEuc2hhaEBicmlnaHRwYXRoLXNvbHV0aW9ucy5jb20")).toBe("7kq3m1c9v2hb8n4r6t0s5p2d1e");
    // A real invitation's eid (public sources): its event id is also in the mail's eventId microdata.
    expect(calendarEventKey("MjFmOGUxNjJmZDBsYmY5ZjBiZG00YTRudmsgaGlldXB0bUBpY2V0ZWFzb2Z0d2FyZS5jb20")).toBe("21f8e162fd0lbf9f0bdm4a4nvk");
  });

  it("keeps a recurring instance's own id, and takes a bare event id as it is", () => {
    const instance = btoa("7kq3m1c9v2hb8n4r6t0s5p2d1e_20261201T100000Z dana@fabrikam.com").replace(/=+$/, "");
    expect(calendarEventKey(instance)).toBe("7kq3m1c9v2hb8n4r6t0s5p2d1e_20261201T100000Z");
    expect(calendarEventKey("l4qksjqm6v89mqfisq8ddhdvh4")).toBe("l4qksjqm6v89mqfisq8ddhdvh4");
  });

  it("names no event for what isn't one", () => {
    expect(calendarEventKey("")).toBeNull();
    expect(calendarEventKey("not an id")).toBeNull();
    expect(calendarEventKey("<script>")).toBeNull();
  });

  it("reads the eid from the event page, the event link and an invitation's links, none from the grid", () => {
    expect(calendarEidFromUrl("https://calendar.google.com/calendar/u/0/r/eventedit/abc123XYZ?pli=1")).toBe("abc123XYZ");
    expect(calendarEidFromUrl("https://calendar.google.com/calendar/event?eid=abc123XYZ")).toBe("abc123XYZ");
    expect(calendarEidFromUrl("https://calendar.google.com/calendar/event?action=RESPOND&eid=abc123XYZ&rst=1&tok=T")).toBe("abc123XYZ");
    expect(calendarEidFromUrl("https://www.google.com/calendar/event?action=VIEW&eid=abc123XYZ&tok=T&ctz=Europe/London")).toBe("abc123XYZ");
    expect(calendarEidFromUrl("https://calendar.google.com/calendar/u/0/r/week/2026/12/1")).toBeNull();
    expect(calendarEidFromUrl("https://calendar.google.com/calendar/u/0/r/settings?eid=abc")).toBeNull();
    expect(calendarEidFromUrl("not a url")).toBeNull();
  });
});

describe("an event's time from Calendar's words", () => {
  const now = new Date(2026, 10, 28, 9, 0);
  const local = (iso: string) => { const d = new Date(iso); return [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes()]; };

  it("reads the dialog's line, year left out, as this year's day and hours in local time", () => {
    const time = eventTimeFromText("Tuesday, December 1⋅10:00 – 11:00am", now)!;
    expect(local(time.startsAt)).toEqual([2026, 12, 1, 10, 0]);
    expect(local(time.endsAt!)).toEqual([2026, 12, 1, 11, 0]);
    expect(time.allDay).toBe(false);
  });

  it("reads the event page's inputs and an event over two days", () => {
    expect(local(eventTimeFromText("Dec 1, 2026 10:00am – 11:00am", now)!.startsAt)).toEqual([2026, 12, 1, 10, 0]);
    const long = eventTimeFromText("Dec 1, 2026 4:00pm – Dec 2, 2026 9:30am", now)!;
    expect(local(long.endsAt!)).toEqual([2026, 12, 2, 9, 30]);
  });

  it("an all-day event is noon local on its day, with no end; no day at all is null", () => {
    const time = eventTimeFromText("Wednesday, December 2", now)!;
    expect(time).toMatchObject({ allDay: true, endsAt: null });
    expect(local(time.startsAt)).toEqual([2026, 12, 2, 12, 0]);
    expect(eventTimeFromText("Quarterly review", now)).toBeNull();
  });

  it("reads an invitation's exact instants", () => {
    expect(instantFromBasicIso("20241004T093000Z")).toBe("2024-10-04T09:30:00.000Z");
    expect(instantFromBasicIso("2024-10-04")).toBeNull();
    expect(instantFromBasicIso("20241399T093000Z")).toBeNull();
    expect(instantFromBasicIso(null)).toBeNull();
  });
});

describe("a partner's attendees", () => {
  const partner = { domains: ["brightpath-solutions.com"], matchedEmails: ["ceo.brightpath@gmail.com"] };

  it("keeps the partner's people and domains (subdomains too), leaves out other partners' and ours", () => {
    const guests = ["dana@fabrikam.com", "Priya.Shah@Brightpath-Solutions.com", "ops@eu.brightpath-solutions.com", "tom@northwind.example", "ceo.brightpath@gmail.com", "someone@gmail.com", "x@notbrightpath-solutions.com"];
    expect(partnerAttendees(guests, partner)).toEqual(["priya.shah@brightpath-solutions.com", "ops@eu.brightpath-solutions.com", "ceo.brightpath@gmail.com"]);
  });
});
