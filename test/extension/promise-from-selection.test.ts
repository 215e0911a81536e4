import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { draftFromSelection } from "../../extension/sidebar/promise-from-selection.ts";
import { selectedSentence } from "../../extension/sites/gmail-selection.ts";
import { ownFixture, realFixture } from "./fixtures/load-fixture.ts";

const now = new Date("2026-12-01T09:00:00Z");
const own = "me@northwind-cloud.com";
const selected = (text: string, from: string | null, timeText: string | null = "Mon, Nov 30, 2026, 4:05 PM") => ({ id: "s1", text, messageId: "m1", timeText, from });

describe("draftFromSelection", () => {
  it("reads the due date against the message's own date, and who owes it from its sender's side", () => {
    // Monday 30 November: "by Wednesday" is 2 December, whatever today is.
    expect(draftFromSelection(selected("I'll send the MDF numbers by Wednesday.", "jo@acme.co.uk"), own, "UTC", now))
      .toEqual({ title: "Send the MDF numbers", owedBy: "partner", dueOn: "2026-12-02", ownerEmail: "" });
    expect(draftFromSelection(selected("I'll send the MDF numbers by Wednesday.", own), own, "UTC", now))
      .toEqual({ title: "Send the MDF numbers", owedBy: "us", dueOn: "2026-12-02", ownerEmail: own });
  });

  it("keeps words that make no promise it knows as the title, owed by the sender's side, with no date", () => {
    expect(draftFromSelection(selected("the co-marketing budget", "jo@acme.co.uk"), own, "UTC", now))
      .toEqual({ title: "the co-marketing budget", owedBy: "partner", dueOn: "", ownerEmail: "" });
  });

  it("counts from today when the message's date can't be read", () => {
    expect(draftFromSelection(selected("We will send the deck tomorrow.", own, null), own, "UTC", now).dueOn).toBe("2026-12-02");
  });
});

describe("selectedSentence", () => {
  afterEach(() => {
    document.getSelection()?.removeAllRanges();
    document.body.replaceChildren();
  });

  /** A saved page as the live document, so the selection API works on it (test-only: the page is ours). */
  const show = (path: string) => {
    const page = new DOMParser().parseFromString(readFileSync(path, "utf8"), "text/html");
    document.body.replaceChildren(...[...page.body.childNodes].map((node) => document.importNode(node, true)));
  };
  const select = (node: Node, start: number, end: number) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  };

  it("gives the words and the header of the message they are in (real 2022 thread)", () => {
    show(realFixture("gmail-2022-thread-reduced.html"));
    const body = document.querySelectorAll("div.a3s")[2]!;
    const text = body.querySelector("div[dir=ltr]")!.firstChild!;
    select(text, 0, 13);
    expect(selectedSentence(document.getSelection())).toEqual({
      id: expect.any(String), text: "Perfect — cal", messageId: "ccc333", timeText: "May 14, 2026, 2:40 PM", from: "alex@example.com",
    });
  });

  it("is nothing for a selection outside a message body (a header, the subject)", () => {
    show(ownFixture("gmail-2026-thread-open.html"));
    const subject = document.querySelector("h2.hP")!.firstChild!;
    select(subject, 0, 5);
    expect(selectedSentence(document.getSelection())).toBeNull();
    expect(selectedSentence(null)).toBeNull();
  });
});
