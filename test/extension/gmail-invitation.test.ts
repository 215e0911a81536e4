import { describe, expect, it } from "vitest";
import { pageFacts } from "../../extension/content/page-query.ts";
import { readGmailPage } from "../../extension/sites/gmail-adapter.ts";
import { gmailInvitationSelectors } from "../../extension/sites/gmail-invitation.ts";
import { loadFixture, ownFixture, realFixture } from "./fixtures/load-fixture.ts";

/**
 * A Google Calendar invitation in a Gmail thread: found by its microdata or
 * its links, on a thread page written after Calendar's invitation emails;
 * none on real threads without one. Counts per selector, zero included.
 */
const pages = {
  /** synthetic: a 2026 thread holding Calendar's invitation (gmail-2026-invitation-thread.html). */
  invitation: () => loadFixture(ownFixture("gmail-2026-invitation-thread.html")),
  /** synthetic: our 2026 thread with no invitation. */
  thread2026: () => loadFixture(ownFixture("gmail-2026-thread-open.html")),
  /** real, reduced by its source: defuddle's 2022+ thread. */
  thread2022: () => loadFixture(realFixture("gmail-2022-thread-reduced.html")),
};
type Page = keyof typeof pages;

const expected: Record<string, Record<Page, number>> = {
  "[itemprop=\"eventId/googleCalendar\"][content]": { invitation: 1, thread2026: 0, thread2022: 0 },
  "a[href*=\"/calendar/event?\"][href*=\"eid=\"]": { invitation: 5, thread2026: 0, thread2022: 0 },
  "[itemtype$=\"schema.org/Event\"] > [itemprop=name]": { invitation: 1, thread2026: 0, thread2022: 0 },
  "time[itemprop=startDate][datetime]": { invitation: 1, thread2026: 0, thread2022: 0 },
  "time[itemprop=endDate][datetime]": { invitation: 1, thread2026: 0, thread2022: 0 },
  "[itemprop=attendee] [itemprop=email][content]": { invitation: 3, thread2026: 0, thread2022: 0 },
  "[itemprop=attendee] a[href^=\"mailto:\"]": { invitation: 3, thread2026: 0, thread2022: 0 },
};

const loaded = Object.fromEntries(Object.entries(pages).map(([page, load]) => [page, load()])) as Record<Page, Document>;
const eid = "N2txM20xYzl2MmhiOG40cjZ0MHM1cDJkMWUgZGFuYUBmYWJyaWthbS5jb20";
const thread = (id: string) => ({ href: `https://mail.google.com/mail/u/0/#inbox/${id}`, hash: `#inbox/${id}` });

describe("the invitation selector table", () => {
  const alternatives = Object.values(gmailInvitationSelectors).flat();
  it("has expected counts for exactly the selectors in the table", () => {
    expect([...alternatives].sort()).toEqual(Object.keys(expected).sort());
  });
  it.each(alternatives.flatMap((selector) => (Object.keys(pages) as Page[]).map((page) => ({ selector, page, count: expected[selector]?.[page] }))))(
    "$selector matches $count on $page", ({ selector, page, count }) => {
      expect(loaded[page].querySelectorAll(selector).length).toBe(count);
    });
});

describe("an invitation in a Gmail thread", () => {
  it("gives the thread its event: id, title, exact time, guests, and a link without the RSVP token", () => {
    const context = readGmailPage(loaded.invitation, thread("FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtx"));
    expect(context.kind === "email" && context.event).toEqual({
      eventId: "7kq3m1c9v2hb8n4r6t0s5p2d1e",
      title: "Q1 partner review",
      whenText: "Tue Dec 1, 2026 10am - 11am (GMT)",
      startsAt: "2026-12-01T10:00:00.000Z",
      endsAt: "2026-12-01T11:00:00.000Z",
      guests: ["priya.shah@brightpath-solutions.com", "dana@fabrikam.com", "tom.reyes@northwind.example"],
      url: `https://calendar.google.com/calendar/event?eid=${eid}`,
    });
  });

  it("still finds the event when Gmail drops the <meta> microdata: by the links' eid, the subject and the guests' mailto links", () => {
    const page = pages.invitation();
    page.querySelectorAll("meta").forEach((meta) => meta.remove());
    const context = readGmailPage(page, thread("FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtx"));
    expect(context.kind === "email" && context.event).toMatchObject({
      eventId: "7kq3m1c9v2hb8n4r6t0s5p2d1e", title: "Q1 partner review",
      guests: ["priya.shah@brightpath-solutions.com", "dana@fabrikam.com", "tom.reyes@northwind.example"],
    });
  });

  it("is absent from threads without one", () => {
    const current = readGmailPage(loaded.thread2026, thread("FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtw"));
    const real = readGmailPage(loaded.thread2022, thread("FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtw"));
    expect(current.kind).toBe("email");
    expect(real.kind).toBe("email");
    expect("event" in current || "event" in real).toBe(false);
    expect(pageFacts(current, [], "").event).toBeUndefined();
  });

  it("offers meeting notes for that event: the sidebar's facts about the page carry it", () => {
    const context = readGmailPage(loaded.invitation, thread("FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtx"));
    const facts = pageFacts(context, ["priya.shah@brightpath-solutions.com"], "");
    expect(facts.event?.eventId).toBe("7kq3m1c9v2hb8n4r6t0s5p2d1e");
    expect(facts.sourceUrl).toBe(thread("FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtx").href);
  });
});
