// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { gmailOwnAddress, gmailPageKey, gmailThreadIdFromHash, gmailThreadWait, readGmailPage } from "../../extension/sites/gmail-context.ts";
import { gmailSelectors } from "../../extension/sites/gmail-selectors.ts";
import { waitForElement } from "../../extension/sites/wait-for-element.ts";
import { loadFixture, ownFixture, sharedFixture } from "./fixtures/load-fixture.ts";

const threadHash = "#inbox/FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtw";
const at = (hash: string) => ({ href: `https://mail.google.com/mail/u/0/${hash}`, hash });

const currentThread = () => loadFixture(ownFixture("gmail-2026-thread-open.html"));
const inbox2014 = () => loadFixture(sharedFixture("gmail/inboxsdk-2014-inbox-thread-list.html"));
const addonSidebar2017 = () => loadFixture(sharedFixture("gmail/inboxsdk-2017-09-08-gmail-addon-sidebar.html"));

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
      kind: "gmail-thread",
      threadId: "FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtw",
      subject: "Q1 co-marketing plan <img src=x onerror=alert(1)>",
      ownAddress: "dana.kim@fabrikam.com",
      emails: ["priya.raman@contoso.com", "dana.kim@fabrikam.com", "sam.okafor@contoso.com", "jordan.lee@contoso.com"],
      url: `https://mail.google.com/mail/u/0/${threadHash}`,
    });
  });

  it("never reads the hidden thread list, the chat roster or a span[email] inside a message body", () => {
    const page = readGmailPage(currentThread(), at(threadHash));
    if (page.kind !== "gmail-thread") throw new Error(`expected a thread, got ${page.kind}`);
    const ignored = ["newsletter@wingtiptoys.com", "ravi.patel@adventure-works.com", "lee.wong@wingtiptoys.com", "billing@invoices-contoso.net"];
    for (const address of ignored) expect(page.emails).not.toContain(address);
  });

  it("returns markup-like subject text as plain text, creating no elements", () => {
    const doc = currentThread();
    const imagesBefore = doc.querySelectorAll("img").length;
    const page = readGmailPage(doc, at(threadHash));
    expect(page.kind === "gmail-thread" && page.subject).toBe("Q1 co-marketing plan <img src=x onerror=alert(1)>");
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
    expect(page).toMatchObject({ kind: "gmail-thread", subject: "Q1 co-marketing plan <img src=x onerror=alert(1)>" });
    expect(page.kind === "gmail-thread" && page.emails).toHaveLength(4);
  });

  it("is unreadable, naming the selector, when the subject shows but no message matches", () => {
    const doc = currentThread();
    for (const message of doc.querySelectorAll("div.adn")) {
      message.removeAttribute("data-message-id");
      message.className = "zz9";
    }
    const page = readGmailPage(doc, at(threadHash));
    expect(page).toMatchObject({ kind: "unreadable", site: "gmail" });
    expect(page.kind === "unreadable" && page.reason).toMatch(/^the thread's subject is shown but selector not found: gmail message \(div\.adn\[data-message-id\]/);
  });

  it("has no subject, rather than a wrong one, when only the subject selectors break", () => {
    const doc = currentThread();
    for (const subject of doc.querySelectorAll("h2.hP")) {
      subject.removeAttribute("data-thread-perm-id");
      subject.removeAttribute("data-legacy-thread-id");
      subject.className = "zz9";
    }
    expect(readGmailPage(doc, at(threadHash))).toMatchObject({ kind: "gmail-thread", subject: null });
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
      reason: "selector not found: gmail message (div.adn[data-message-id] | div[data-message-id] | div.adn)",
    });
    expect(JSON.stringify(page)).not.toContain("twilio");
  });

  it("2017 add-on sidebar fragment: no main pane, so a thread hash is unreadable", () => {
    expect(readGmailPage(addonSidebar2017(), at("#inbox/15e5d5c1b3a2f7e9"))).toEqual({
      kind: "unreadable",
      site: "gmail",
      reason: "selector not found: gmail mainPane (div[role=main])",
    });
    expect(readGmailPage(addonSidebar2017(), at("#inbox"))).toEqual({ kind: "nothing-to-show", site: "gmail" });
  });
});

describe("gmailThreadWait: waiting for a thread to render, on the real 2014 page", () => {
  /** The 2014 inbox in the test's live document, so a MutationObserver sees changes. */
  const live2014Inbox = () => {
    const saved = inbox2014();
    document.title = saved.title;
    document.body.replaceChildren(...[...saved.body.childNodes].map((node) => document.importNode(node, true)));
    return document;
  };
  const threadView = (role: string | null) => {
    const view = document.createElement("div");
    view.className = "nH";
    if (role) view.setAttribute("role", role);
    const messageElement = document.createElement("div");
    messageElement.className = "adn ads";
    messageElement.dataset.messageId = "#msg-f:1";
    const sender = document.createElement("span");
    sender.setAttribute("email", "priya.raman@contoso.com");
    messageElement.append(sender);
    view.append(messageElement);
    return { view, messageElement };
  };
  const hash = "#inbox/14a5f1c6f7aeeebc";

  it("watches the main pane's parent for messages inside a main pane", () => {
    const doc = live2014Inbox();
    const wait = gmailThreadWait(doc)!;
    expect(wait.root).toBe(doc.querySelector("div[role=main]")!.parentElement);
    expect(wait.selectors).toContain("div[role=main] div.adn[data-message-id]");
    expect(wait.attributeFilter).toEqual(["role"]);
    expect(gmailThreadWait(addonSidebar2017())).toBeNull();
  });

  it("finds a thread that Gmail adds as a new view beside the list, then reads it", async () => {
    const doc = live2014Inbox();
    expect(readGmailPage(doc, at(hash)).kind).toBe("unreadable");
    const wait = gmailThreadWait(doc)!;
    const list = doc.querySelector("div[role=main]")!;
    const { view, messageElement } = threadView("main");
    setTimeout(() => {
      list.removeAttribute("role");
      wait.root.append(view);
    }, 10);
    await expect(waitForElement(wait.root, wait.selectors, { timeoutMs: 1_000, attributeFilter: wait.attributeFilter })).resolves.toBe(messageElement);
    expect(readGmailPage(doc, at(hash))).toMatchObject({ kind: "gmail-thread", threadId: "14a5f1c6f7aeeebc", emails: ["priya.raman@contoso.com"] });
  });

  it("finds a thread whose hidden view Gmail reveals by moving role=main to it", async () => {
    const doc = live2014Inbox();
    const wait = gmailThreadWait(doc)!;
    const { view, messageElement } = threadView(null);
    wait.root.append(view);
    // Messages in a view that isn't the main pane don't count yet.
    expect(readGmailPage(doc, at(hash)).kind).toBe("unreadable");
    setTimeout(() => {
      doc.querySelector("div[role=main]")!.removeAttribute("role");
      view.setAttribute("role", "main");
    }, 10);
    await expect(waitForElement(wait.root, wait.selectors, { timeoutMs: 1_000, attributeFilter: wait.attributeFilter })).resolves.toBe(messageElement);
    expect(readGmailPage(doc, at(hash))).toMatchObject({ kind: "gmail-thread", emails: ["priya.raman@contoso.com"] });
  });
});

describe("the Gmail selector table against saved pages", () => {
  it.each(Object.entries(gmailSelectors).flatMap(([name, alternatives]) => alternatives.map((selector) => [name, selector] as const)))(
    "%s: %s matches the current thread layout",
    (_name, selector) => {
      expect(currentThread().querySelector(selector)).not.toBeNull();
    },
  );

  it("the 2014 list's only h2 and its rows match no thread selector", () => {
    const doc = inbox2014();
    for (const name of ["threadSubject", "message", "sender", "recipients"] as const) {
      for (const selector of gmailSelectors[name]) expect(doc.querySelector(selector), selector).toBeNull();
    }
    expect(doc.querySelector(gmailSelectors.mainPane[0])).not.toBeNull();
  });
});
