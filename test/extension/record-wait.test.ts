import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createHubspotAdapter } from "../../extension/sites/hubspot-adapter.ts";
import { createLinkedinAdapter } from "../../extension/sites/linkedin-adapter.ts";
import type { PageContext } from "../../extension/sites/page-context.ts";

/**
 * The HubSpot and LinkedIn adapters after in-app navigations, on the live
 * document with fake timers: the app swaps the record in place a moment
 * after its URL changes, and each test checks what the adapter answers and when.
 */
const location = { href: "", hash: "" };
const goTo = (href: string) => {
  location.href = href;
};

beforeEach(() => {
  vi.useFakeTimers();
  document.body.replaceChildren();
  document.title = "HubSpot";
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

const company = (id: string) => `https://app.hubspot.com/contacts/4821937/record/0-2/${id}`;
/** HubSpot's left column, showing a company (or nothing yet). */
function drawCompany(name: string | null, domain: string | null) {
  document.body.innerHTML = `<div data-test-id="left-sidebar">${name === null ? "" : `<h1 data-test-id="highlight-record-label">${name}</h1>`}${
    domain === null ? "" : `<span data-test-id="highlight-property-display-domain">${domain}</span>`}</div>`;
}
const shown = (context: PageContext | "pending") => (context !== "pending" && context.kind === "record" ? [context.recordId, context.name, context.websiteDomain] : context);

describe("record pages redrawn in place (HubSpot, LinkedIn)", () => {
  it("reads a record already drawn at once", async () => {
    drawCompany("Brightpath", "brightpath-solutions.com");
    goTo(company("1"));
    const context = await state(createHubspotAdapter({ document, location }).readPage(new AbortController().signal));
    expect(shown(context)).toEqual(["1", "Brightpath", "brightpath-solutions.com"]);
  });

  it("after a pushState to another company, waits for it to be drawn, never reading the previous one's domain", async () => {
    drawCompany("Brightpath", "brightpath-solutions.com");
    goTo(company("1"));
    const adapter = createHubspotAdapter({ document, location });
    await state(adapter.readPage(new AbortController().signal));
    goTo(company("2"));
    const reading = adapter.readPage(new AbortController().signal);
    setTimeout(() => drawCompany("Northgate", "northgate.io"), 250);
    await vi.advanceTimersByTimeAsync(200);
    expect(await state(reading)).toBe("pending");
    await vi.advanceTimersByTimeAsync(100);
    expect(shown(await state(reading))).toEqual(["2", "Northgate", "northgate.io"]);
  });

  it("waits while the page has drawn the frame but nothing of the record", async () => {
    drawCompany(null, null);
    goTo(company("1"));
    const reading = createHubspotAdapter({ document, location }).readPage(new AbortController().signal);
    setTimeout(() => drawCompany("Brightpath", null), 450);
    await vi.advanceTimersByTimeAsync(400);
    expect(await state(reading)).toBe("pending");
    await vi.advanceTimersByTimeAsync(100);
    expect(shown(await state(reading))).toEqual(["1", "Brightpath", null]);
  });

  it("keeps only the id when the previous company never leaves the screen", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    drawCompany("Brightpath", "brightpath-solutions.com");
    goTo(company("1"));
    const adapter = createHubspotAdapter({ document, location });
    await state(adapter.readPage(new AbortController().signal));
    goTo(company("2"));
    const reading = adapter.readPage(new AbortController().signal);
    await vi.advanceTimersByTimeAsync(10_100);
    expect(shown(await state(reading))).toEqual(["2", null, null]);
  });

  it("says which selector found nothing when the page never draws, after 10 seconds", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    goTo("https://www.linkedin.com/company/brightpath-solutions/");
    const reading = createLinkedinAdapter({ document, location }).readPage(new AbortController().signal);
    await vi.advanceTimersByTimeAsync(9_900);
    expect(await state(reading)).toBe("pending");
    await vi.advanceTimersByTimeAsync(200);
    expect(await state(reading)).toMatchObject({ kind: "unreadable", site: "linkedin", selector: "linkedin topCard" });
    expect(warn).toHaveBeenCalled();
  });

  it("stops at once when the navigation is superseded, and shows nothing without waiting on a profile", async () => {
    goTo("https://www.linkedin.com/company/brightpath-solutions/");
    const controller = new AbortController();
    const reading = createLinkedinAdapter({ document, location }).readPage(controller.signal);
    controller.abort();
    expect(await state(reading)).not.toBe("pending");
    expect(vi.getTimerCount()).toBe(0);
    goTo("https://www.linkedin.com/in/priya-shah/");
    expect(await state(createLinkedinAdapter({ document, location }).readPage(new AbortController().signal))).toEqual({ kind: "nothing-to-show", site: "linkedin" });
  });
});
