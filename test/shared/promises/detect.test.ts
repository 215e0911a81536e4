import { describe, expect, it } from "vitest";
import { type DetectOptions, detectPromises } from "../../../shared/promises/detect.ts";
import { splitSentences } from "../../../shared/promises/sentences.ts";
import { commitmentCreate } from "../../../shared/schemas/commitment.ts";

// Monday 2 March 2026, 11:05 in New York.
const monday: DetectOptions = { sentAt: "2026-03-02T16:05:00Z", authorSide: "us", timeZone: "America/New_York" };

describe("detectPromises on a whole message", () => {
  const body = [
    "Hi Dana,",
    "",
    "Thanks for the time today. I'll send the MDF numbers by Wednesday.",
    "Tom will share the enablement calendar by next Friday. Could you confirm",
    "the QBR date?",
    "",
    "Best regards,",
    "Jordan",
    "",
    "On Fri, 27 Feb 2026 at 09:12, Dana Reyes <dana@brightpath.io> wrote:",
    "> We will register the Northwind deal tomorrow.",
  ].join("\n");

  it("finds the author's promises with title, side and due date, and skips the question and the quote", () => {
    expect(detectPromises(body, monday)).toEqual([
      { sentence: "I'll send the MDF numbers by Wednesday.", title: "Send the MDF numbers", due_on: "2026-03-04", owed_by: "us" },
      { sentence: "Tom will share the enablement calendar by next Friday.", title: "Tom will share the enablement calendar", due_on: "2026-03-13", owed_by: "us" },
    ]);
  });

  it("gives the partner's own promises to the partner", () => {
    const found = detectPromises("We'll get the signed reseller agreement back to you by Friday.", { ...monday, authorSide: "partner" });
    expect(found.map((p) => p.owed_by)).toEqual(["partner"]);
  });

  it("says 'you will …' is the reader's promise, but 'you'll have …' the author's delivery", () => {
    expect(detectPromises("As agreed, you'll send us the pipeline list by Wednesday.", monday)[0]?.owed_by).toBe("partner");
    expect(detectPromises("You'll have the signed MDF approval by Thursday.", monday)[0]?.owed_by).toBe("us");
    expect(detectPromises("Sam from your team will run the demo on Tuesday.", monday)[0]?.owed_by).toBe("partner");
  });

  it("reads a promise stated after 'just confirming that'", () => {
    const found = detectPromises("Just confirming that your team will present at our partner day on 20 March.", monday);
    expect(found.map((p) => [p.owed_by, p.due_on])).toEqual([["partner", "2026-03-20"]]);
  });

  it("gives a title the commitment form accepts: one line, no control or direction characters, at most 120 characters", () => {
    const [found] = detectPromises(`I'll send the\tjoint \u202eplan ${"and the appendix ".repeat(10)}by Friday.`, monday);
    expect(found?.title).toMatch(/^Send the joint plan and the appendix/);
    expect(found?.title.length).toBeLessThanOrEqual(120);
    expect(found?.title).not.toMatch(/[\t\u202e]/);
    const parsed = commitmentCreate.safeParse({ title: found?.title, owed_by: found?.owed_by, due_on: found?.due_on });
    expect(parsed.error?.issues.filter((issue) => issue.path[0] === "title") ?? []).toEqual([]);
  });

  it("leaves the lead-in and the date out of someone else's promise's title", () => {
    const [found] = detectPromises("Also, Tom will share the joint calendar by next Friday.", monday);
    expect(found?.title).toBe("Tom will share the joint calendar");
  });

  it("reads curly apostrophes as mail clients type them", () => {
    expect(detectPromises("I\u2019ll send the deck tomorrow.", monday)[0]?.due_on).toBe("2026-03-03");
  });

  it("refuses a sentAt that is not a time", () => {
    expect(() => detectPromises("I'll send it.", { ...monday, sentAt: "last Tuesday" })).toThrow(/sentAt/);
  });
});

describe("near misses are not promises", () => {
  for (const sentence of [
    "Would you be able to send the MDF numbers by Wednesday?",
    "If you can get me the forecast, I'll fold it into the deck.",
    "I sent the deal registration form last week.",
    "I was going to send the deck yesterday.",
    "Please submit the MDF claim by the 20th.",
    "We might be able to cover the booth.",
    "We won't be renewing the Nordics agreement.",
    "The portal will send a reminder on Friday.",
    "Our Q2 pricing will go up by 5%.",
    "Your team will need to approve the request first.",
    "We'll see how the pilot goes.",
    "I will be out of office next week.",
    "I'll try to send it by Friday.",
    "I'll see you at the QBR on Thursday.",
    "You will love the new portal.",
    "We will always support our partners.",
    "Salesforce will sync the records overnight.",
    "Monday will work for us.",
    "I'll admit the margins look thin.",
    "I'll take that as a yes.",
    "We'll go with option B.",
    "When the contract is signed, we will ship the licences.",
  ]) {
    it(sentence, () => expect(detectPromises(sentence, monday)).toEqual([]));
  }
});

describe("states that read like promises but are", () => {
  for (const sentence of ["I'll go ahead and register the deal.", "I'll take care of the catering.", "I'll see to it that the invoice is paid.", "We will be sending the invites next week.", "We will be in touch with the numbers."]) {
    it(sentence, () => expect(detectPromises(sentence, monday).map((p) => p.owed_by)).toEqual(["us"]));
  }
});

describe("due dates", () => {
  const due = (sentence: string, options: DetectOptions = monday) => detectPromises(sentence, options)[0]?.due_on;

  it("counts from the message's day in its own time zone, not from UTC", () => {
    // 17:30 on Thursday 5 March in Los Angeles is already Friday 6 March in UTC.
    const evening = { sentAt: "2026-03-06T01:30:00Z", authorSide: "partner", timeZone: "America/Los_Angeles" } as const;
    expect(due("I'll send the revised pricing tomorrow.", evening)).toBe("2026-03-06");
    expect(due("I'll get you the review EOD.", evening)).toBe("2026-03-05");
    // 08:10 on Monday 30 March in Tokyo is still Sunday 29 March in UTC.
    const tokyo = { sentAt: "2026-03-29T23:10:00Z", authorSide: "us", timeZone: "Asia/Tokyo" } as const;
    expect(due("I'll send the proposal today.", tokyo)).toBe("2026-03-30");
  });

  it("reads a bare weekday on that same weekday as next week's", () => {
    expect(due("I'll send the deck by Monday.")).toBe("2026-03-09");
  });

  it("ends week phrases on Friday and quarter phrases on the quarter's last day", () => {
    expect(due("We'll launch the campaign next week.")).toBe("2026-03-13");
    expect(due("We'll share the list by the end of next week.")).toBe("2026-03-13");
    expect(due("I'll chase the PO this week.")).toBe("2026-03-06");
    expect(due("We'll finish the certification by Q3.")).toBe("2026-09-30");
    expect(due("We'll finalize the tiers by Q1.")).toBe("2026-03-31");
    const december = { sentAt: "2026-12-14T17:00:00Z", authorSide: "us", timeZone: "America/New_York" } as const;
    expect(due("We'll finalize the tiers by Q1.", december)).toBe("2027-03-31");
    expect(due("I'll pay the fees before the end of the quarter.")).toBe("2026-03-31");
  });

  it("reads chrono's phrases: end of month, in two weeks, a date after an event's name", () => {
    expect(due("I'll get back to you by end of month.")).toBe("2026-03-31");
    expect(due("Our team will run the deep dive in two weeks.")).toBe("2026-03-16");
    expect(due("We'll have the deck ready before the QBR on 12 March.")).toBe("2026-03-12");
    expect(due("I'll book the QBR for the first Monday of April.")).toBe("2026-04-06");
    expect(due("I'll release the funds by the 20th.")).toBe("2026-03-20");
  });

  it("reads working days, early next week, a weekday with its date, and no quarter in 'QBR'", () => {
    expect(due("I'll send it within 5 business days.")).toBe("2026-03-09");
    expect(due("I'll have it for you early next week.")).toBe("2026-03-10");
    expect(due("I'll send it by Friday the 13th.")).toBe("2026-03-13");
    expect(due("I'll send the deck before the end of QBR week.")).toBeNull();
  });

  it("prefers a named day over a quarter used as a name", () => {
    expect(due("I'll share the accounts we want to co-sell in Q2 by Friday.")).toBe("2026-03-06");
  });

  it("names no day for a length, a day used as a name, or a day counted from another event", () => {
    expect(due("We'll extend the registration by another 90 days.")).toBeNull();
    expect(due("I will send you a recap of today's call.")).toBeNull();
    expect(due("I'll send the agenda a week before the meeting.")).toBeNull();
    expect(due("You will receive the payout within 30 days of the claim.")).toBeNull();
  });
});

describe("splitSentences", () => {
  it("keeps a reply header wrapped over two lines and its quote out", () => {
    const body = "Sounds good.\n\nOn Mon, Apr 2, 2012 at 6:26 PM, Megan One <xxx@gmail.com>\nwrote:\n\n> I'll send it Friday.";
    expect(splitSentences(body)).toEqual(["Sounds good."]);
  });

  it("does not end a sentence at an abbreviation and joins wrapped lines", () => {
    expect(splitSentences("We met Dr. Lee at the summit, e.g. on the\nsecond day. Then we left.")).toEqual([
      "We met Dr. Lee at the summit, e.g. on the second day.",
      "Then we left.",
    ]);
  });

  it("keeps a 'Thanks!' that opens a long message, and drops a footer", () => {
    const lines = ["Thanks!", "", "I'll send the deck.", "One.", "Two.", "Three.", "Four.", "Five.", "Six."];
    expect(splitSentences(lines.join("\n"))).toContain("I'll send the deck.");
    expect(splitSentences("Done.\nThis email is confidential and intended only for the recipient.")).toEqual(["Done."]);
  });

  it("treats each list item as its own sentence", () => {
    expect(splitSentences("Next steps:\n- I'll send the deck\n- Tom will book the room")).toEqual([
      "Next steps:", "I'll send the deck", "Tom will book the room",
    ]);
  });
});
