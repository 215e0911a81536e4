import { render } from "preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { handleRequest } from "../../extension/background/handle-request.ts";
import { Suggestions } from "../../extension/sidebar/Suggestions.tsx";
import { lookupState, noPeople, pageContext } from "../../extension/sidebar/store.ts";
import { findSuggestions, promisesIn, setAside, suggestions } from "../../extension/sidebar/suggestions-flow.ts";
import type { EmailContext, EmailMessage } from "../../extension/sites/page-context.ts";
import type { LookupResult } from "../../shared/schemas/lookup.ts";

/** The sidebar's promise suggestions, with the real background behind `send` and a stand-in API behind `fetch`. */
const partnerId = `ptr_${"a".repeat(24)}`;
const message = (id: string, from: string, text: string | null, timeText = "Mon, Nov 30, 2026, 4:05 PM"): EmailMessage => ({ id, timeText, from, to: [], text });
const thread = (messages: EmailMessage[]): EmailContext => ({
  kind: "email", site: "gmail", threadId: "T1", messageIds: messages.map((m) => m.id), subject: "MDF", ownAddress: "me@northwind-cloud.com",
  emails: [], url: "https://mail.google.com/mail/u/0/#inbox/T1", messages,
});

beforeEach(async () => {
  fakeBrowser.reset();
  // As the background answers: asynchronously, through sendResponse.
  fakeBrowser.runtime.onMessage.addListener((request, _sender, sendResponse) => {
    void handleRequest(request).then(sendResponse);
    return true;
  });
  vi.stubGlobal("fetch", async (input: string) => {
    const me = { workspace: { id: "wsp_1", name: "N" }, member: { id: "mem_1", email: "me@northwind-cloud.com" } };
    return new Response(JSON.stringify(new URL(input).pathname === "/v1/me" ? me : { ok: true }), { status: 200, headers: { "Content-Type": "application/json" } });
  });
  expect(await handleRequest({ type: "saveSettings", settings: { apiUrl: "http://api.test", token: `mutual_${"s".repeat(40)}` } })).toMatchObject({ ok: true });
  suggestions.value = null;
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("promisesIn", () => {
  it("reads a message's promises relative to its own date, with its author's side", () => {
    // Monday 30 November 2026: "by Wednesday" is 2 December.
    const ours = promisesIn(message("m1", "me@northwind-cloud.com", "Thanks Jo. I'll send the MDF numbers by Wednesday."), "me@northwind-cloud.com", "UTC", new Date("2026-12-01T00:00:00Z"));
    expect(ours).toEqual([{ messageId: "m1", sentence: "I'll send the MDF numbers by Wednesday.", title: "Send the MDF numbers", due_on: "2026-12-02", owed_by: "us" }]);
    const theirs = promisesIn(message("m2", "jo@acme.co.uk", "I will share the calendar by Friday."), "me@northwind-cloud.com", "UTC", new Date("2026-12-01T00:00:00Z"));
    expect(theirs[0]).toMatchObject({ owed_by: "partner", due_on: "2026-12-04" });
  });

  it("finds none in a message whose date can't be read, rather than guess the day", () => {
    expect(promisesIn(message("m1", "jo@acme.co.uk", "I'll send it by Wednesday.", "26 дек. 2019 г., 22:53"), null, "UTC", new Date())).toEqual([]);
  });
});

describe("findSuggestions", () => {
  const fourPromises = thread([
    message("old", "jo@acme.co.uk", "I'll send the pilot scope by Friday."),
    message("new", "jo@acme.co.uk", "Could you approve the MDF? I'll send the numbers by Wednesday. We will book the venue next week. Tom will share the calendar by next Friday."),
  ]);

  it("lists at most three, newest message first, and never a question", async () => {
    await findSuggestions(fourPromises, partnerId, () => false);
    expect(suggestions.value?.items.map((item) => item.messageId)).toEqual(["new", "new", "new"]);
    expect(suggestions.value?.items.map((item) => item.sentence).join(" ")).not.toContain("Could you");
  });

  it("reads only the three newest messages: a promise further back is not suggested", async () => {
    const long = thread([
      message("oldest", "jo@acme.co.uk", "I'll send the pilot scope by Friday."),
      message("third", "jo@acme.co.uk", "Thanks, all good."),
      message("second", "jo@acme.co.uk", "Noted."),
      message("newest", "jo@acme.co.uk", "See you then."),
    ]);
    await findSuggestions(long, partnerId, () => false);
    expect(suggestions.value?.items).toEqual([]);
    await findSuggestions(thread(long.messages!.slice(0, 3)), partnerId, () => false);
    expect(suggestions.value?.items.map((item) => item.messageId)).toEqual(["oldest"]);
  });

  it("remembers a dismissal for that message: the next look leaves it out", async () => {
    await findSuggestions(fourPromises, partnerId, () => false);
    const first = suggestions.value!.items[0]!;
    await setAside(first);
    expect(suggestions.value!.items).toHaveLength(2);
    await findSuggestions(fourPromises, partnerId, () => false);
    expect(suggestions.value!.items.map((item) => item.sentence)).not.toContain(first.sentence);
    expect(suggestions.value!.items).toHaveLength(3);
  });

  it("leaves out one set aside while a look is under way (a fresh lookup after the write starts one)", async () => {
    await findSuggestions(fourPromises, partnerId, () => false);
    const first = suggestions.value!.items[0]!;
    const looking = findSuggestions(fourPromises, partnerId, () => false);
    await setAside(first);
    await looking;
    expect(suggestions.value!.items.map((item) => item.sentence)).not.toContain(first.sentence);
  });
});

describe("<Suggestions>", () => {
  it("shows each sentence as text, with one click to log or dismiss", async () => {
    const host = document.createElement("div");
    document.body.append(host);
    const context = thread([message("m", "jo@acme.co.uk", "I'll send the <b>numbers</b> by Wednesday.")]);
    pageContext.value = context;
    const data = { matches: [{ partner: { id: partnerId, name: "Acme" } }] } as unknown as LookupResult;
    lookupState.value = { status: "ready", data, fromCache: false, fetchedAt: null, error: null, people: noPeople };
    render(<Suggestions />, host);
    await vi.waitFor(() => expect(host.querySelector(".suggestion")).not.toBeNull());
    expect(host.querySelector("q")!.textContent).toBe("I'll send the <b>numbers</b> by Wednesday.");
    expect(host.querySelector("b")).toBeNull();
    expect([...host.querySelectorAll("button")].map((button) => button.textContent)).toEqual(["Log promise", "Dismiss"]);
    render(null, host);
    host.remove();
  });
});
