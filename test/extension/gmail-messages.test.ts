import { describe, expect, it } from "vitest";
import { gmailMessageKey, readGmailMessages } from "../../extension/sites/gmail-messages.ts";
import { loadFixture, ownFixture, realFixture } from "./fixtures/load-fixture.ts";

/** The messages of the open thread, as readGmailPage hands them over. */
const messagesOf = (doc: Document) => readGmailMessages([...doc.querySelectorAll("div[role=main] div.adn")]);

describe("readGmailMessages on a real 2022+ thread (reduced by its source)", () => {
  const messages = () => messagesOf(loadFixture(realFixture("gmail-2022-thread-reduced.html")));

  it("reads each message's hex id, header time, sender and recipients, oldest first", () => {
    expect(messages().map(({ text: _text, ...header }) => header)).toEqual([
      { id: "aaa111", timeText: "May 13, 2026, 11:02 PM", from: "alex@example.com", to: ["jane@example.com"] },
      { id: "bbb222", timeText: "May 14, 2026, 9:15 AM", from: "jane@example.com", to: ["alex@example.com"] },
      { id: "ccc333", timeText: "May 14, 2026, 2:40 PM", from: "alex@example.com", to: ["jane@example.com"] },
      // The last three show no recipients line.
      { id: "ddd444", timeText: "May 15, 2026, 8:05 AM", from: "jane@example.com", to: [] },
      { id: "eee555", timeText: "May 15, 2026, 11:30 AM", from: "alex@example.com", to: [] },
      { id: "fff666", timeText: "May 15, 2026, 12:00 PM", from: "jane@example.com", to: [] },
    ]);
  });

  it("reads the words of the newest three only, without Gmail's image toolbar", () => {
    const read = messages();
    expect(read.slice(0, 3).map((message) => message.text)).toEqual([null, null, null]);
    expect(read[3]!.text).toBe("Here's the room layout we discussed:");
    expect(read[5]!.text).toContain("Booked — see you Tuesday.");
  });
});

describe("readGmailMessages on the current layout (hand-written fixture)", () => {
  const messages = () => messagesOf(loadFixture(ownFixture("gmail-2026-thread-open.html")));

  it("never counts an address inside a body as a recipient, and leaves quoted replies out of the words", () => {
    const [first, reply, last] = messages();
    expect(first).toMatchObject({ id: "19a8e7c2f4b1d372", from: "priya.raman@contoso.com", to: ["dana.kim@fabrikam.com", "sam.okafor@contoso.com"] });
    expect(last!.to).not.toContain("billing@invoices-contoso.net");
    // The reply quotes Priya's message under "On … wrote:": only Dana's own line is read.
    expect(reply!.text).toBe("Yes, we'll take the landing page. Looping in Jordan for the budget.");
  });
});

describe("gmailMessageKey", () => {
  const message = (attributes: Record<string, string>) => {
    const element = document.createElement("div");
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    return element;
  };

  it("prefers the hex id, falls back to data-message-id without its #, else gives none", () => {
    expect(gmailMessageKey(message({ "data-message-id": "#msg-f:1790", "data-legacy-message-id": "18c2f0a9" }))).toBe("18c2f0a9");
    expect(gmailMessageKey(message({ "data-message-id": "#msg-f:1790" }))).toBe("msg-f:1790");
    expect(gmailMessageKey(message({}))).toBeNull();
  });
});
