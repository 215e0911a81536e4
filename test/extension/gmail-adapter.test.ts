import { describe, expect, it } from "vitest";
import { gmailOwnAddress, gmailPageKey, gmailThreadIdFromHash, readGmailPage } from "../../extension/sites/gmail-adapter.ts";
import { loadFixture, ownFixture, realFixture } from "./fixtures/load-fixture.ts";

const threadHash = "#inbox/FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtw";
const at = (hash: string) => ({ href: `https://mail.google.com/mail/u/0/${hash}`, hash });

const currentThread = () => loadFixture(ownFixture("gmail-2026-thread-open.html"));
const inbox2014 = () => loadFixture(realFixture("gmail-2014-inbox-thread-list.html"));
const addonSidebar2017 = () => loadFixture(realFixture("gmail-2017-addon-sidebar.html"));
const thread2022 = () => loadFixture(realFixture("gmail-2022-thread-reduced.html"));

describe("gmailPageKey", () => {
  it("names the thread and the signed-in account it belongs to", () => {
    const key = gmailPageKey("https://mail.google.com/mail/u/0/#inbox/FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtw");
    expect(key).toBe("gmail:mail.google.com/mail/u/0/#FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtw");
    // The same thread reached from another view is the same page.
    expect(gmailPageKey("https://mail.google.com/mail/u/0/#label/Partners/FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtw")).toBe(key);
    expect(gmailPageKey("https://mail.google.com/mail/u/1/#inbox/FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtw")).not.toBe(key);
  });

  it.each(["https://mail.google.com/mail/u/0/#inbox", "https://mail.google.com/mail/u/0/#settings/general", "not a url"])("%s names no thread", (href) => {
    expect(gmailPageKey(href)).toBeNull();
  });
});

describe("gmailThreadIdFromHash", () => {
  it.each([
    ["#inbox/FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtw", "FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtw"],
    ["#inbox/14a5f1c6f7aeeebc", "14a5f1c6f7aeeebc"],
    ["#sent/KtbxLwHLxsTjRqLpWbQZkBxnMdGjGPvJzL", "KtbxLwHLxsTjRqLpWbQZkBxnMdGjGPvJzL"],
    ["#starred/FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtw", "FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtw"],
    ["#label/Partners/FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtw", "FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtw"],
    ["#label/Partners%2FContoso/FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtw", "FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtw"],
    ["#search/from%3Acontoso.com/FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtw", "FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtw"],
    ["#category/social/FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtw", "FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtw"],
    ["#inbox/FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtw?compose=new", "FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtw"],
  ])("%s names thread %s", (hash, id) => {
    expect(gmailThreadIdFromHash(hash)).toBe(id);
  });

  it.each([
    "", "#", "#inbox", "#inbox/p2", "#sent", "#label/Partners",
    // A label or search term long enough to look like an id is still not a thread.
    "#label/PartnerOnboarding2026", "#search/internationalization", "#search/internationalization/p3",
    "#settings/general", "#settings/filtersFMfcgzQcqbVfWkKbHfKq", "#inbox/short-id!",
  ])("%j names no thread", (hash) => {
    expect(gmailThreadIdFromHash(hash)).toBeNull();
  });
});

describe("gmailOwnAddress", () => {
  it.each([
    ["Inbox (3) - me@example.com - Gmail", "me@example.com"],
    ["Q1 plan - Dana.Kim@Fabrikam.com - Fabrikam Mail", "dana.kim@fabrikam.com"],
    // A subject may contain " - " and even an address; the account is the second-to-last part.
    ["Re: intro - priya@contoso.com - call notes - me@x.com - Gmail", "me@x.com"],
  ])("%j → %s", (title, address) => {
    expect(gmailOwnAddress(title)).toBe(address);
  });

  it.each(["Gmail", "", "Inbox - Gmail", "Inbox - not an address - Gmail", "Injected Thread Identifier Test Page"])("%j → null", (title) => {
    expect(gmailOwnAddress(title)).toBeNull();
  });
});

describe("readGmailPage on the current thread layout (hand-written fixture)", () => {
  it("reads the thread id, subject, own address and everyone in the message headers", () => {
    expect(readGmailPage(currentThread(), at(threadHash))).toEqual({
      kind: "email",
      site: "gmail",
      threadId: "FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtw",
      messageIds: ["#msg-f:1849362417351093874", "#msg-a:r-2874519934412750118", "#msg-f:1849450012345678901"],
      subject: "Q1 co-marketing plan <img src=x onerror=alert(1)>",
      ownAddress: "dana.kim@fabrikam.com",
      emails: ["priya.raman@contoso.com", "dana.kim@fabrikam.com", "sam.okafor@contoso.com", "jordan.lee@contoso.com"],
      url: `https://mail.google.com/mail/u/0/${threadHash}`,
      // The messages' headers and words: gmail-messages.test.ts.
      messages: expect.any(Array),
    });
  });

  it("never reads the hidden thread list, the chat roster or a span[email] inside a message body", () => {
    const page = readGmailPage(currentThread(), at(threadHash));
    if (page.kind !== "email") throw new Error(`expected a thread, got ${page.kind}`);
    const ignored = ["newsletter@wingtiptoys.com", "ravi.patel@adventure-works.com", "lee.wong@wingtiptoys.com", "billing@invoices-contoso.net"];
    for (const address of ignored) expect(page.emails).not.toContain(address);
  });

  it("returns markup-like subject text as plain text, creating no elements", () => {
    const doc = currentThread();
    const imagesBefore = doc.querySelectorAll("img").length;
    const page = readGmailPage(doc, at(threadHash));
    expect(page.kind === "email" && page.subject).toBe("Q1 co-marketing plan <img src=x onerror=alert(1)>");
    expect(doc.querySelectorAll("img").length).toBe(imagesBefore);
  });

  it("shows nothing when the hash names no thread, even with a thread in the DOM", () => {
    expect(readGmailPage(currentThread(), at("#inbox"))).toEqual({ kind: "nothing-to-show", site: "gmail" });
  });

  it("falls back to the layout class when Gmail drops the thread and message attributes", () => {
    const doc = currentThread();
    for (const subject of doc.querySelectorAll("h2.hP")) {
      subject.removeAttribute("data-thread-perm-id");
      subject.removeAttribute("data-legacy-thread-id");
    }
    for (const message of doc.querySelectorAll("div.adn")) message.removeAttribute("data-message-id");
    const page = readGmailPage(doc, at(threadHash));
    expect(page).toMatchObject({ kind: "email", subject: "Q1 co-marketing plan <img src=x onerror=alert(1)>" });
    expect(page.kind === "email" && page.emails).toHaveLength(4);
  });

  it("is unreadable, naming the selector, when the subject shows but no message matches", () => {
    const doc = currentThread();
    for (const message of doc.querySelectorAll("div.adn")) {
      message.removeAttribute("data-message-id");
      message.className = "zz9";
    }
    const page = readGmailPage(doc, at(threadHash));
    expect(page).toMatchObject({ kind: "unreadable", site: "gmail" });
    expect(page.kind === "unreadable" && page.reason).toMatch(/^the thread's subject is shown but unreadable: gmail message \(div\.adn\[data-message-id\]/);
  });

  it("has no subject, rather than a wrong one, when only the subject selectors break", () => {
    const doc = currentThread();
    for (const subject of doc.querySelectorAll("h2.hP")) {
      subject.removeAttribute("data-thread-perm-id");
      subject.removeAttribute("data-legacy-thread-id");
      subject.className = "zz9";
    }
    expect(readGmailPage(doc, at(threadHash))).toMatchObject({ kind: "email", subject: null });
  });
});

describe("readGmailPage on real older Gmail markup", () => {
  it("2014 inbox: a list hash shows nothing", () => {
    expect(readGmailPage(inbox2014(), at("#inbox"))).toEqual({ kind: "nothing-to-show", site: "gmail" });
  });

  it("2014 inbox: a thread hash with only the list on screen is unreadable, never the list rows' senders", () => {
    const doc = inbox2014();
    // The list rows carry span[email] inside the main pane: the trap this test guards.
    expect(doc.querySelectorAll("div[role=main] span[email]").length).toBeGreaterThan(20);
    const page = readGmailPage(doc, at("#inbox/14a5f1c6f7aeeebc"));
    expect(page).toEqual({
      kind: "unreadable",
      site: "gmail",
      selector: "gmail message",
      reason: "unreadable: gmail message (div.adn[data-message-id] | div[data-message-id] | div.adn)",
    });
    expect(JSON.stringify(page)).not.toContain("twilio");
  });

  it("2017 add-on sidebar fragment: no main pane, so a thread hash is unreadable", () => {
    expect(readGmailPage(addonSidebar2017(), at("#inbox/15e5d5c1b3a2f7e9"))).toEqual({
      kind: "unreadable",
      site: "gmail",
      selector: "gmail mainPane",
      reason: "unreadable: gmail mainPane (div[role=main])",
    });
    expect(readGmailPage(addonSidebar2017(), at("#inbox"))).toEqual({ kind: "nothing-to-show", site: "gmail" });
  });
});

describe("readGmailPage on a real 2022+ thread (reduced by its source to Gmail's hooks)", () => {
  const hash = "#inbox/FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtw";

  it("reads the six messages' ids, the subject, the signed-in address and both people", () => {
    expect(readGmailPage(thread2022(), at(hash))).toEqual({
      kind: "email",
      site: "gmail",
      threadId: "FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtw",
      messageIds: [1, 2, 3, 4, 5, 6].map((n) => `#msg-f:100000000000${n}`),
      subject: "Project kickoff — questions before we start",
      ownAddress: "jane@example.com",
      emails: ["alex@example.com", "jane@example.com"],
      url: `https://mail.google.com/mail/u/0/${hash}`,
      messages: expect.any(Array),
    });
  });

  it("falls back to the legacy message ids when Gmail drops data-message-id", () => {
    const doc = thread2022();
    for (const message of doc.querySelectorAll("div.adn")) message.removeAttribute("data-message-id");
    const page = readGmailPage(doc, at(hash));
    expect(page.kind === "email" && page.messageIds).toEqual(["aaa111", "bbb222", "ccc333", "ddd444", "eee555", "fff666"]);
  });

  it("its own URL's placeholder thread id (thread-f:…) names no thread: nothing to show, not a guess", () => {
    expect(readGmailPage(thread2022(), at("#inbox/thread-f:1234567890"))).toEqual({ kind: "nothing-to-show", site: "gmail" });
  });
});
