import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { pageFacts, queryFor } from "../../extension/content/page-query.ts";
import { calendarPageKey, createCalendarAdapter, readCalendarPage } from "../../extension/sites/calendar-adapter.ts";
import type { PageContext } from "../../extension/sites/page-context.ts";
import { loadFixture, ownFixture, realFixture } from "./fixtures/load-fixture.ts";

const eid = "N2txM20xYzl2MmhiOG40cjZ0MHM1cDJkMWUgZGFuYUBmYWJyaWthbS5jb20";
const eventId = "7kq3m1c9v2hb8n4r6t0s5p2d1e";
const at = (href: string) => ({ href, hash: new URL(href).hash });
const week = at("https://calendar.google.com/calendar/u/0/r/week/2026/12/1");
const editPage = at(`https://calendar.google.com/calendar/u/0/r/eventedit/${eid}`);

describe("reading Calendar pages", () => {
  it("reads the open details dialog: its event, title, words for when, guests and the signed-in address", () => {
    const context = readCalendarPage(loadFixture(ownFixture("calendar-2026-event-dialog.html")), week);
    expect(context).toEqual({
      kind: "event",
      site: "calendar",
      ownAddress: "dana@fabrikam.com",
      emails: ["dana@fabrikam.com", "priya.shah@brightpath-solutions.com", "tom.reyes@northwind.example", "omar@fabrikam.com"],
      url: `https://calendar.google.com/calendar/event?eid=${eid}`,
      event: {
        eventId,
        title: "Q1 partner review",
        whenText: "Tuesday, December 1⋅10:00 – 11:00am",
        startsAt: null,
        endsAt: null,
        guests: ["dana@fabrikam.com", "priya.shah@brightpath-solutions.com", "tom.reyes@northwind.example", "omar@fabrikam.com"],
        url: `https://calendar.google.com/calendar/event?eid=${eid}`,
      },
    });
  });

  it("reads the event's own page by the eid in its URL, its title and times from the inputs", () => {
    const context = readCalendarPage(loadFixture(ownFixture("calendar-2026-event-edit-page.html")), editPage);
    expect(context.kind).toBe("event");
    if (context.kind !== "event") return;
    expect(context.event).toMatchObject({ eventId, title: "Q1 partner review", whenText: "Dec 1, 2026 10:00am – 11:00am" });
    expect(context.emails).toEqual(["dana@fabrikam.com", "priya.shah@brightpath-solutions.com", "tom.reyes@northwind.example"]);
    expect(context.url).toBe(editPage.href);
  });

  it("on the real 2022 edit page, finds the event by its URL but no title, time or guest: nobody to look up", () => {
    const context = readCalendarPage(loadFixture(realFixture("calendar-2022-event-edit-details-tab.html")), editPage);
    expect(context).toMatchObject({ kind: "event", emails: [], ownAddress: null, event: { eventId, title: null, whenText: null, guests: [] } });
  });

  it("shows nothing on the grid with no dialog open, and says what it couldn't read on an event page it doesn't know", () => {
    const grid = loadFixture(ownFixture("calendar-2026-event-dialog.html"));
    grid.querySelector("[role=dialog]")!.remove();
    expect(readCalendarPage(grid, week)).toEqual({ kind: "nothing-to-show", site: "calendar" });
    const unknown = readCalendarPage(loadFixture(realFixture("gmail-2022-thread-reduced.html")), editPage);
    expect(unknown).toMatchObject({ kind: "unreadable", selector: "calendar eventPage" });
  });

  it("keys the cache by the event, the same from the edit page and the event link, none for the grid", () => {
    expect(calendarPageKey(editPage.href)).toBe(`calendar:${eventId}`);
    expect(calendarPageKey(`https://calendar.google.com/calendar/event?eid=${eid}`)).toBe(`calendar:${eventId}`);
    expect(calendarPageKey(week.href)).toBeNull();
  });
});

describe("the Calendar adapter", () => {
  const location = { href: week.href, hash: "" };
  const dialog = (id: string, guests: string[]) => {
    const box = document.createElement("div");
    box.setAttribute("role", "dialog");
    const details = document.createElement("div");
    details.id = "xDetDlg";
    details.dataset.eventid = id;
    const list = document.createElement("div");
    list.id = "xDetDlgAtt";
    for (const guest of guests) {
      const person = document.createElement("div");
      person.dataset.email = guest;
      list.append(person);
    }
    details.append(list);
    box.append(details);
    document.body.append(box);
    return box;
  };

  beforeEach(() => {
    vi.useFakeTimers();
    document.body.replaceChildren();
    location.href = week.href;
  });
  afterEach(() => vi.useRealTimers());

  it("tells the sidebar when a dialog opens, another replaces it and it closes, with no URL change", async () => {
    const adapter = createCalendarAdapter({ document, location });
    const onChange = vi.fn();
    const stop = new AbortController();
    adapter.watch!(onChange, stop.signal);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(onChange).not.toHaveBeenCalled();
    const first = dialog(eid, ["priya.shah@brightpath-solutions.com"]);
    await vi.advanceTimersByTimeAsync(500);
    expect(onChange).toHaveBeenCalledTimes(1);
    const read = await adapter.readPage(new AbortController().signal);
    expect(read.kind === "event" && read.event.eventId).toBe(eventId);
    first.remove();
    dialog("M2gyajRrNWw2bTduOHA5cTByMXMydDN1NHYgZGFuYUBmYWJyaWthbS5jb20", ["a@b.example"]);
    await vi.advanceTimersByTimeAsync(500);
    expect(onChange).toHaveBeenCalledTimes(2);
    document.body.replaceChildren();
    await vi.advanceTimersByTimeAsync(500);
    expect(onChange).toHaveBeenCalledTimes(3);
    expect(await adapter.readPage(new AbortController().signal)).toEqual({ kind: "nothing-to-show", site: "calendar" });
    stop.abort();
    dialog(eid, []);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(onChange).toHaveBeenCalledTimes(3);
  });

  it("waits for the event page to be drawn, then briefly for its guests", async () => {
    location.href = editPage.href;
    const adapter = createCalendarAdapter({ document, location });
    let answer: PageContext | null = null;
    void adapter.readPage(new AbortController().signal).then((context) => (answer = context));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(answer).toBeNull();
    document.body.innerHTML = '<span id="tabEventDetails"></span>';
    await vi.advanceTimersByTimeAsync(300);
    expect(answer).toBeNull();
    document.body.insertAdjacentHTML("beforeend", '<div aria-label="Guests invited to this event."><div data-email="priya.shah@brightpath-solutions.com"></div></div>');
    await vi.advanceTimersByTimeAsync(200);
    expect(answer).toMatchObject({ kind: "event", emails: ["priya.shah@brightpath-solutions.com"] });
  });

  it("calls a page that never draws unreadable after 10 seconds, and an event without guests an event after 1.5", async () => {
    location.href = editPage.href;
    const adapter = createCalendarAdapter({ document, location });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    let answer: PageContext | null = null;
    void adapter.readPage(new AbortController().signal).then((context) => (answer = context));
    await vi.advanceTimersByTimeAsync(10_300);
    expect(answer).toMatchObject({ kind: "unreadable", selector: "calendar eventPage" });
    expect(warn).toHaveBeenCalled();
    document.body.innerHTML = '<span id="tabEventDetails"></span>';
    answer = null;
    void adapter.readPage(new AbortController().signal).then((context) => (answer = context));
    await vi.advanceTimersByTimeAsync(1_400);
    expect(answer).toBeNull();
    await vi.advanceTimersByTimeAsync(200);
    expect(answer).toMatchObject({ kind: "event", emails: [] });
  });
});

describe("what the sidebar asks and offers on a Calendar event", () => {
  it("looks the guests up as people, and offers notes for the event with its link as the source", () => {
    const context = readCalendarPage(loadFixture(ownFixture("calendar-2026-event-dialog.html")), week);
    expect(queryFor(context)).toEqual({ emails: context.kind === "event" ? context.emails : [], ownAddress: "dana@fabrikam.com" });
    const facts = pageFacts(context, ["priya.shah@brightpath-solutions.com"], week.href);
    expect(facts).toMatchObject({ sourceUrl: `https://calendar.google.com/calendar/event?eid=${eid}`, ownAddress: "dana@fabrikam.com", event: { eventId } });
    expect(queryFor(readCalendarPage(loadFixture(realFixture("calendar-2022-event-edit-details-tab.html")), editPage))).toBeNull();
  });
});
