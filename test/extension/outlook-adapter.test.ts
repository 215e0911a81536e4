import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { emailBatch } from "../../shared/capture/email-batch.ts";
import { createOutlookAdapter, readOutlookPage } from "../../extension/sites/outlook-adapter.ts";
import { addressesIn } from "../../extension/sites/outlook-messages.ts";
import type { PageContext } from "../../extension/sites/page-context.ts";
import { loadFixture, ownFixture, realFixture } from "./fixtures/load-fixture.ts";

/**
 * Reading Outlook on the web: the real 2025 reading pane and our pages in the
 * current markup (pane at the bottom, a conversation, a popped-out window),
 * then the waiting after in-app navigations on the live document, with fake
 * timers, as in site-adapters.test.ts.
 */
const at = (href: string) => ({ href, hash: new URL(href).hash });
const office = (path: string) => `https://outlook.office.com/mail/${path}`;
const realItem = "AQAAAAAAAQwBAAAAAAAFWQAAAAA=";
const realConversation = "AQQkADAwATM0MDAAMi04ZTI5LTRmNjUtMDACLTAwCgAQAJr5qba978hCoYLaodB+3Lo=";
const bottomItem = "AAQkAGI2NTk0ZWQ5LTc4NjUtNDEwZC1hZDBmLWUxZGQ4N2Q1ODZlYgAQAPXh2oP3dUBHnT8x6s9YqWk=";
const bottomConversation = "AAQkAGI2NTk0ZWQ5LTc4NjUtNDEwZC1hZDBmLWUxZGQ4N2Q1ODZlYgAQAJr5qba978hCoYLaodB+3Lo=";
const conversation = "AAQkAGI2NTk0ZWQ5LTc4NjUtNDEwZC1hZDBmLWUxZGQ4N2Q1ODZlYgAQAGQ5b3lH2GZJk8S3zT0cC1M=";
const poppedOut = "AAMkADAwATM0MDAAMS1iNmFkLWRmZmMtMDACLTAwCgBGAAADy5jqJ3X1b0yGsCx7R7mE9gcAmQ2n1hV5nUGSu1yN3f5XxwAAAgEMAAAA";

describe("readOutlookPage on saved pages", () => {
  it("reads the real 2025 reading pane: the sender's address from its \"Name<address>\" line, the subject, the time", () => {
    const doc = loadFixture(realFixture("outlook-2025-reading-pane.html"));
    const href = `https://outlook.live.com/mail/0/inbox/id/${encodeURIComponent(realItem)}`;
    const context = readOutlookPage(doc, at(href));
    expect(context).toMatchObject({
      kind: "email", site: "outlook", threadId: realItem, subject: "Welcome to your new Outlook.com account",
      ownAddress: null, emails: ["no-reply@microsoft.com"], url: href,
    });
    // The recipient is shown by name ("So Getter", "You") only: not read.
    expect(context.kind === "email" && context.messages).toEqual([
      { id: `${realItem}:Wed 4/30/2025 3:03 PM:no-reply@microsoft.com`, timeText: "Wed 4/30/2025 3:03 PM", from: "no-reply@microsoft.com", to: [], text: "" },
    ]);
  });

  it("takes the conversation id from the real list row when the row is the item the URL names", () => {
    const doc = loadFixture(realFixture("outlook-2025-reading-pane.html"));
    const row = loadFixture(realFixture("outlook-2025-message-list-row.html")).body.firstElementChild!;
    doc.body.append(doc.importNode(row, true));
    const context = readOutlookPage(doc, at(office(`inbox/id/${encodeURIComponent(realItem)}`)));
    expect(context).toMatchObject({ kind: "email", threadId: realConversation });
  });

  it("reads the pane at the bottom, never the list above it nor an address in the body", () => {
    const doc = loadFixture(ownFixture("outlook-2026-reading-pane-bottom.html"));
    const href = office(`inbox/id/${encodeURIComponent(bottomItem)}`);
    const context = readOutlookPage(doc, at(href));
    expect(context).toMatchObject({
      kind: "email", threadId: bottomConversation, ownAddress: "dana.kim@fabrikam.com",
      subject: "Q1 co-marketing plan <img src=x onerror=alert(1)>",
      // Priya (sender) and Sam (a To chip showing an address); not the newsletter's list row, not Lee in the body.
      emails: ["priya.patel@contoso.com", "sam.ortiz@contoso.com"], url: href,
    });
    expect(context.kind === "email" && context.messages?.[0]?.text).toBe("Hi Dana,\n\nI'll send the signed MDF form by Friday. Loop in Lee at Globex if the dates move.\n\nPriya");
  });

  it("reads each message of a conversation, the collapsed one without an address, recipients shown by name through the senders' lines, and no quoted mail", () => {
    const doc = loadFixture(ownFixture("outlook-2026-conversation.html"));
    const context = readOutlookPage(doc, at(office(`inbox/id/${encodeURIComponent(conversation)}`)));
    if (context.kind !== "email") throw new Error(`read ${context.kind}`);
    expect(context.threadId).toBe(conversation);
    expect(context.subject).toBe("RE: Joint webinar in January");
    expect(context.emails).toEqual(["dana.kim@fabrikam.com", "priya.patel@contoso.com", "jordan.reyes@contoso.com"]);
    expect(context.messages?.map(({ from, to, timeText, text }) => ({ from, to, timeText, text }))).toEqual([
      { from: null, to: [], timeText: null, text: null },
      // "Priya Patel" is a name-only chip; her own sender line below says her address.
      { from: "dana.kim@fabrikam.com", to: ["priya.patel@contoso.com"], timeText: "Thu 11/12/2026 10:30 AM", text: "Sounds good. We will draft the agenda by next Tuesday." },
      // "You" (Dana Kim, known from her reply) and Jordan; "Alex Chen" writes nothing here: not known.
      { from: "priya.patel@contoso.com", to: ["jordan.reyes@contoso.com", "dana.kim@fabrikam.com"], timeText: "Fri 11/13/2026 8:45 AM", text: "Perfect. Jordan will confirm the speakers by Friday." },
    ]);
    expect(new Set(context.messageIds).size).toBe(3);
  });

  it("gives capture what it logs Gmail's emails by: each expanded message's time, sender and recipients, with the same key rule", () => {
    const doc = loadFixture(ownFixture("outlook-2026-conversation.html"));
    const context = readOutlookPage(doc, at(office(`inbox/id/${encodeURIComponent(conversation)}`)));
    if (context.kind !== "email") throw new Error(`read ${context.kind}`);
    const batch = emailBatch(context.messages!, { ownAddress: context.ownAddress, subject: context.subject, timeZone: "Europe/London", now: new Date("2026-12-01T07:00:00Z") });
    // The collapsed message shows no address and no full time: left out, named in `skipped`.
    expect(batch.skipped).toHaveLength(1);
    expect(batch.items.map(({ direction, occurred_at, participants }) => ({ direction, occurred_at, participants }))).toEqual([
      { direction: "outbound", occurred_at: "2026-11-12T10:30:00.000Z", participants: ["dana.kim@fabrikam.com", "priya.patel@contoso.com"] },
      { direction: "inbound", occurred_at: "2026-11-13T08:45:00.000Z", participants: ["priya.patel@contoso.com", "jordan.reyes@contoso.com", "dana.kim@fabrikam.com"] },
    ]);
    expect(batch.items[1]!.external_id).toMatch(/^mail:2026-11-13T08:45:00.000Z:[0-9a-f]{8}:priya.patel@contoso.com$/);
  });

  it("reads a popped-out window, which has no list and no folder pane", () => {
    const doc = loadFixture(ownFixture("outlook-2026-popout.html"));
    const href = `https://outlook.office365.com/mail/deeplink/read/${encodeURIComponent(poppedOut)}?ItemID=${encodeURIComponent(poppedOut)}&exvsurl=1`;
    expect(readOutlookPage(doc, at(href))).toMatchObject({
      kind: "email", threadId: poppedOut, subject: "Renewal quote", ownAddress: null, emails: ["marta.gomez@globex.com"], url: href,
    });
  });

  it("shows nothing on the inbox, whatever the pane holds", () => {
    const doc = loadFixture(ownFixture("outlook-2026-reading-pane-bottom.html"));
    expect(readOutlookPage(doc, at(office("inbox")))).toEqual({ kind: "nothing-to-show", site: "outlook" });
  });

  it("says which selector found nothing when the markup changed, never \"no partner here\"", () => {
    const href = office(`inbox/id/${encodeURIComponent(bottomItem)}`);
    const noPane = loadFixture(ownFixture("outlook-2026-reading-pane-bottom.html"));
    noPane.querySelector('[data-app-section="MailReadCompose"]')!.removeAttribute("data-app-section");
    noPane.querySelector("#ReadingPaneContainerId")!.id = "Renamed";
    expect(readOutlookPage(noPane, at(href))).toMatchObject({ kind: "unreadable", site: "outlook", selector: "outlook readingPane" });

    const noSender = loadFixture(ownFixture("outlook-2026-reading-pane-bottom.html"));
    for (const sender of noSender.querySelectorAll("span.OZZZK, [aria-label^='From:']")) sender.replaceWith(...sender.childNodes);
    const context = readOutlookPage(noSender, at(href));
    expect(context).toMatchObject({ kind: "unreadable", selector: "outlook sender" });
    expect(context.kind === "unreadable" && context.reason).toMatch(/^the conversation's subject is shown but unreadable: outlook sender \(span\.OZZZK \| /);

    const noMessage = loadFixture(ownFixture("outlook-2026-reading-pane-bottom.html"));
    noMessage.querySelector('[data-app-section="ItemContainer"]')!.removeAttribute("data-app-section");
    expect(readOutlookPage(noMessage, at(href))).toMatchObject({ kind: "unreadable", selector: "outlook message" });
  });
});

describe("the Outlook adapter after in-app navigation", () => {
  const location = { href: "", hash: "" };
  const goTo = (id: string) => Object.assign(location, at(office(`inbox/id/${encodeURIComponent(id)}`)));
  const itemA = "AAQkAGI2NTk0ZWQ5LTc4NjUtNDEwZC1hZDBmLWUxZGQ4N2Q1ODZlYgAQAAAAAAAAAAAAAAAAAAAAAAA=";
  const itemB = "AAQkAGI2NTk0ZWQ5LTc4NjUtNDEwZC1hZDBmLWUxZGQ4N2Q1ODZlYgAQABBBBBBBBBBBBBBBBBBBBBB=";
  /** A reading pane showing one message from `from` at `time`. */
  const pane = (from: string, time = "Mon 11/16/2026 9:14 AM") => {
    const element = document.createElement("div");
    element.setAttribute("data-app-section", "MailReadCompose");
    element.innerHTML = `<div role="heading" aria-level="2"><span title="Plan">Plan</span></div><div data-app-section="ItemContainer"><span class="OZZZK">Someone&lt;${from}&gt;</span><div data-testid="SentReceivedSavedTime">${time}</div></div>`;
    return element;
  };
  const emails = (context: PageContext | "pending") => (context !== "pending" && context.kind === "email" ? context.emails : context);

  beforeEach(() => {
    vi.useFakeTimers();
    document.body.replaceChildren();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  async function state<T>(promise: Promise<T>): Promise<T | "pending"> {
    await vi.advanceTimersByTimeAsync(0);
    let ticks = Promise.resolve();
    for (let i = 0; i < 20; i++) ticks = ticks.then(() => undefined);
    return Promise.race([promise, ticks.then(() => "pending" as const)]);
  }

  it("reads a message already in the reading pane at once", async () => {
    document.body.append(pane("priya@contoso.com"));
    goTo(itemA);
    expect(emails(await state(createOutlookAdapter({ document, location }).readPage(new AbortController().signal)))).toEqual(["priya@contoso.com"]);
  });

  it("after the URL changes, waits for the previous message to leave the pane, never reading its people", async () => {
    const host = document.createElement("div");
    host.append(pane("priya@contoso.com"));
    document.body.append(host);
    goTo(itemA);
    const adapter = createOutlookAdapter({ document, location });
    await adapter.readPage(new AbortController().signal);

    goTo(itemB);
    const reading = adapter.readPage(new AbortController().signal);
    setTimeout(() => host.replaceChildren(pane("sam@globex.com")), 200);
    await vi.advanceTimersByTimeAsync(199);
    expect(await state(reading)).toBe("pending");
    await vi.advanceTimersByTimeAsync(1);
    expect(await state(reading)).toMatchObject({ kind: "email", threadId: itemB, emails: ["sam@globex.com"] });
  });

  it("tells two replies from the same person apart by their time", async () => {
    const host = document.createElement("div");
    host.append(pane("priya@contoso.com", "Mon 11/16/2026 9:14 AM"));
    document.body.append(host);
    goTo(itemA);
    const adapter = createOutlookAdapter({ document, location });
    await adapter.readPage(new AbortController().signal);
    goTo(itemB);
    const reading = adapter.readPage(new AbortController().signal);
    setTimeout(() => host.replaceChildren(pane("priya@contoso.com", "Tue 11/17/2026 8:00 AM")), 100);
    await vi.advanceTimersByTimeAsync(100);
    expect(await state(reading)).toMatchObject({ kind: "email", threadId: itemB, messages: [{ timeText: "Tue 11/17/2026 8:00 AM" }] });
  });

  it("on first load waits for the pane to be drawn, then says which selector found nothing after 10 seconds", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    goTo(itemA);
    const reading = createOutlookAdapter({ document, location }).readPage(new AbortController().signal);
    setTimeout(() => document.body.append(Object.assign(document.createElement("div"), { innerHTML: '<div data-app-section="MailReadCompose"><div data-app-section="ItemContainer"></div></div>' })), 500);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(await state(reading)).toBe("pending");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await state(reading)).toMatchObject({ kind: "unreadable", site: "outlook", selector: "outlook sender" });
    expect(warn).toHaveBeenCalledOnce();
  });

  it("stops waiting at once when the navigation is superseded, leaving no timer behind", async () => {
    goTo(itemA);
    const controller = new AbortController();
    const reading = createOutlookAdapter({ document, location }).readPage(controller.signal);
    expect(await state(reading)).toBe("pending");
    controller.abort();
    expect(await state(reading)).toMatchObject({ kind: "unreadable" });
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("addressesIn", () => {
  it("reads each chip's text alone, so a name beside an address never joins it", () => {
    const well = document.createElement("div");
    well.innerHTML = '<span><span>You</span></span><span title="Sam Ortiz">sam.ortiz@contoso.com</span><span aria-label="Kai &lt;KAI@Wingtiptoys.com&gt;">Kai</span><a href="mailto:lee@globex.com?subject=hi">Lee</a>';
    expect(addressesIn(well)).toEqual(["sam.ortiz@contoso.com", "kai@wingtiptoys.com", "lee@globex.com"]);
  });
});
