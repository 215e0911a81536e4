import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createGmailAdapter } from "../../extension/sites/gmail-adapter.ts";
import { createSalesforceAdapter } from "../../extension/sites/salesforce-adapter.ts";
import type { PageContext } from "../../extension/sites/page-context.ts";

/**
 * The adapters' waiting after in-app navigations, on the live document with
 * fake timers: the host page changes at set times, as Gmail and Lightning do
 * a moment after their URL changes, and each test checks what the adapter
 * answers and when.
 */
const location = { href: "", hash: "" };
const goTo = (href: string) => {
  location.href = href;
  location.hash = new URL(href).hash;
};

beforeEach(() => {
  vi.useFakeTimers();
  document.body.replaceChildren();
  document.title = "Inbox - dana@fabrikam.com - Gmail";
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** What a promise has settled to at this fake time, or "pending". */
async function state<T>(promise: Promise<T>): Promise<T | "pending"> {
  await vi.advanceTimersByTimeAsync(0);
  let ticks = Promise.resolve();
  for (let i = 0; i < 20; i++) ticks = ticks.then(() => undefined);
  return Promise.race([promise, ticks.then(() => "pending" as const)]);
}

/** A wait that a change of the page ended resolves in the task after the page's (sites/waiting.ts): a timer here. */
const afterPagesTask = () => vi.advanceTimersByTimeAsync(1);

const html = (markup: string) => {
  const template = document.createElement("template");
  template.innerHTML = markup;
  return template.content;
};

describe("the Gmail adapter", () => {
  const thread = (id: string) => `https://mail.google.com/mail/u/0/#inbox/${id}`;
  const threadA = "FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtA";
  const threadB = "FMfcgzQcqbVfWkKbHfKqGbTZpWlNsRtB";
  /** A thread view with one message from `from`, shown (role=main) or not. */
  const threadView = (messageId: string, from: string, shown = true) =>
    html(`<div class="nH"${shown ? ' role="main"' : ""}><h2 class="hP">Plan</h2><div class="adn" data-message-id="${messageId}"><h3 class="iw"><span class="gD" email="${from}">${from}</span></h3></div></div>`);
  const inboxList = () => html(`<div class="nH" role="main"><table><tr class="zA"><td><span email="newsletter@wingtiptoys.com">W</span></td></tr></table></div>`);
  const views = () => {
    const container = document.createElement("div");
    container.className = "views";
    document.body.append(container);
    return container;
  };
  const people = (context: PageContext | "pending") => (context !== "pending" && context.kind === "email" ? context.emails : context);

  it("reads a thread already on screen at once", async () => {
    views().append(threadView("#msg-f:1", "priya@contoso.com"));
    goTo(thread(threadA));
    const adapter = createGmailAdapter({ document, location });
    expect(people(await state(adapter.readPage(new AbortController().signal)))).toEqual(["priya@contoso.com"]);
  });

  it("on first load, polls for the main pane, then waits for the thread's messages inside it", async () => {
    goTo(thread(threadA));
    const reading = createGmailAdapter({ document, location }).readPage(new AbortController().signal);
    let container: HTMLElement;
    setTimeout(() => {
      container = views();
      container.append(inboxList());
    }, 300);
    setTimeout(() => {
      container.querySelector("[role=main]")!.removeAttribute("role");
      container.append(threadView("#msg-f:1", "priya@contoso.com"));
    }, 900);
    await vi.advanceTimersByTimeAsync(899);
    expect(await state(reading)).toBe("pending");
    await vi.advanceTimersByTimeAsync(1);
    await afterPagesTask();
    expect(people(await state(reading))).toEqual(["priya@contoso.com"]);
  });

  it("after the hash changes, waits for the previous thread to leave the pane, never reading its people", async () => {
    const container = views();
    container.append(threadView("#msg-f:1", "priya@contoso.com"));
    goTo(thread(threadA));
    const adapter = createGmailAdapter({ document, location });
    await adapter.readPage(new AbortController().signal);

    goTo(thread(threadB));
    const reading = adapter.readPage(new AbortController().signal);
    setTimeout(() => container.replaceChildren(threadView("#msg-f:2", "sam@globex.com")), 200);
    await vi.advanceTimersByTimeAsync(199);
    expect(await state(reading)).toBe("pending");
    await vi.advanceTimersByTimeAsync(1);
    await afterPagesTask();
    expect(await state(reading)).toMatchObject({ kind: "email", threadId: threadB, messageIds: ["#msg-f:2"], emails: ["sam@globex.com"] });
  });

  it("keeps what it read last in itself: another adapter instance has no previous thread to wait out", async () => {
    views().append(threadView("#msg-f:1", "priya@contoso.com"));
    goTo(thread(threadA));
    const first = createGmailAdapter({ document, location });
    await first.readPage(new AbortController().signal);
    goTo(thread(threadB));
    const second = createGmailAdapter({ document, location });
    expect(await state(first.readPage(new AbortController().signal))).toBe("pending");
    expect(await state(second.readPage(new AbortController().signal))).toMatchObject({ kind: "email", threadId: threadB });
  });

  it("says which selector found nothing when the thread never shows, after 10 seconds", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    views().append(inboxList());
    goTo(thread(threadA));
    const reading = createGmailAdapter({ document, location }).readPage(new AbortController().signal);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(await state(reading)).toBe("pending");
    await vi.advanceTimersByTimeAsync(1);
    expect(await state(reading)).toMatchObject({ kind: "unreadable", site: "gmail", selector: "gmail message" });
    expect(warn).toHaveBeenCalledOnce();
  });

  it("stops waiting at once when the navigation is superseded, leaving no timer behind", async () => {
    views().append(inboxList());
    goTo(thread(threadA));
    const controller = new AbortController();
    const reading = createGmailAdapter({ document, location }).readPage(controller.signal);
    expect(await state(reading)).toBe("pending");
    controller.abort();
    expect(await state(reading)).toMatchObject({ kind: "unreadable" });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("shows nothing, without waiting, on a page that names no thread", async () => {
    goTo("https://mail.google.com/mail/u/0/#inbox");
    expect(await state(createGmailAdapter({ document, location }).readPage(new AbortController().signal))).toEqual({ kind: "nothing-to-show", site: "gmail" });
  });
});

describe("the Salesforce adapter", () => {
  const account = (id: string) => `https://acme.lightning.force.com/lightning/r/Account/${id}/view`;
  const accountA = "001U000002XyZabIAF";
  const accountB = "001Dn00000AbCdEIAV";
  /** A Lightning tab showing a record's highlights panel, active (on screen) or kept hidden. */
  const tab = (name: string | null, active = true) => {
    const element = document.createElement("div");
    element.className = active ? "oneContent active" : "oneContent";
    if (name !== null) element.append(highlights(name));
    return element;
  };
  const highlights = (name: string) => html(`<records-highlights2><lightning-formatted-text slot="primaryField">${name}</lightning-formatted-text></records-highlights2>`);
  const name = (context: PageContext | "pending") => (context !== "pending" && context.kind === "record" ? context.name : context);

  it("reads an Account already drawn at once", async () => {
    document.body.append(tab("Contoso"));
    goTo(account(accountA));
    const context = await state(createSalesforceAdapter({ document, location }).readPage(new AbortController().signal));
    expect(context).toMatchObject({ kind: "record", crm: "salesforce", recordId: accountA, name: "Contoso" });
  });

  it("after a pushState to another Account, waits for Lightning's new tab, never reading the old one's name", async () => {
    const first = tab("Contoso");
    document.body.append(first);
    goTo(account(accountA));
    const adapter = createSalesforceAdapter({ document, location });
    await adapter.readPage(new AbortController().signal);

    goTo(account(accountB));
    const reading = adapter.readPage(new AbortController().signal);
    setTimeout(() => {
      first.classList.remove("active");
      document.body.append(tab("Globex"));
    }, 120);
    await vi.advanceTimersByTimeAsync(100);
    expect(await state(reading)).toBe("pending");
    await vi.advanceTimersByTimeAsync(50);
    expect(name(await state(reading))).toBe("Globex");
  });

  it("waits for the highlights panel, then a moment for its shadow roots to fill, for the name", async () => {
    const shown = tab(null);
    document.body.append(shown);
    goTo(account(accountA));
    const reading = createSalesforceAdapter({ document, location }).readPage(new AbortController().signal);
    setTimeout(() => shown.append(highlights("Contoso")), 200);
    await vi.advanceTimersByTimeAsync(499);
    expect(await state(reading)).toBe("pending");
    await vi.advanceTimersByTimeAsync(1);
    await afterPagesTask();
    expect(name(await state(reading))).toBe("Contoso");
  });

  it("says which selector found nothing when Lightning never draws the record", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    goTo(account(accountA));
    const reading = createSalesforceAdapter({ document, location }).readPage(new AbortController().signal);
    await vi.advanceTimersByTimeAsync(10_300);
    expect(await state(reading)).toMatchObject({ kind: "unreadable", site: "salesforce", selector: "salesforce recordFrame" });
  });

  it("shows nothing, without waiting, on a Contact", async () => {
    goTo("https://acme.lightning.force.com/lightning/r/Contact/003U000003PqRstIAF/view");
    const reading = createSalesforceAdapter({ document, location }).readPage(new AbortController().signal);
    expect(await state(reading)).toEqual({ kind: "nothing-to-show", site: "salesforce" });
  });
});
