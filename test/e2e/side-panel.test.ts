/**
 * The side panel mode: chosen on the options page, the Gmail page keeps its
 * whole width and gets no frame, and the panel shows the partner of the
 * active tab, following tab switches and in-app navigation. Chrome opens
 * the panel itself only on a user gesture; its page loads as a tab here
 * (the same page, in the same window), which follows the window's active tab
 * as the panel does.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useSignedInBrowser } from "./harness/browser.ts";
import { e2eEnv } from "./harness/context.ts";
import { expectAbsent, expectText, expectVisible } from "./harness/expect.ts";
import { thread, threadUrl } from "./harness/mailbox.ts";

const env = e2eEnv();
const { acme, globex } = env.seed;
const browser = useSignedInBrowser(env);

interface Margins { atParsed: string | null; changes: { margin: string; at: number }[]; firstPaint: number | null }

/**
 * In the Gmail page's own world from the document's start: the root's margin
 * when parsed, every change (with its time), and when the page first painted.
 */
function recordMargins(page: Page) {
  return page.addInitScript(() => {
    const record: Margins = { atParsed: null, changes: [], firstPaint: null };
    (window as unknown as { __margins: Margins }).__margins = record;
    document.addEventListener("DOMContentLoaded", () => (record.atParsed = document.documentElement.style.marginRight));
    new MutationObserver((mutations) => {
      if (mutations.some((mutation) => mutation.target === document.documentElement)) record.changes.push({ margin: document.documentElement.style.marginRight, at: performance.now() });
    }).observe(document, { attributes: true, attributeFilter: ["style"], subtree: true });
    new PerformanceObserver((entries) => {
      for (const entry of entries.getEntries()) if (entry.name === "first-paint") record.firstPaint = entry.startTime;
    }).observe({ type: "paint", buffered: true });
  });
}
const margins = (page: Page) => page.evaluate(() => (window as unknown as { __margins: Margins }).__margins);

describe("the side panel mode", () => {
  it("leaves Gmail's page alone, and shows the active tab's partner in the panel, following tabs and navigation", async () => {
    const b = browser();
    const options = await b.context.newPage();
    await options.goto(b.optionsUrl());
    await options.getByRole("radio", { name: /In Chrome's side panel/ }).check();
    await expectVisible(options.getByRole("button", { name: "Open the side panel" }), "the button that opens the panel");
    await expect.poll(async () => (await b.storage(["sidebarMode"])).sidebarMode).toBe("sidePanel");
    await options.close();

    // Thread A (Acme) in the first tab: no frame, no room taken.
    await recordMargins(b.page);
    await b.openThread("A");
    await b.page.locator("div[role=main] h2.hP").filter({ hasText: thread("A").subject }).waitFor();
    // Long enough for a docked sidebar to have mounted its frame and painted.
    await b.page.waitForTimeout(1_500);
    expect(await b.page.locator("mutual-sidebar").count()).toBe(0);
    const seen = await margins(b.page);
    expect(await b.page.evaluate(() => document.documentElement.style.marginRight)).toBe("");
    expect(await b.page.evaluate(() => document.documentElement.getBoundingClientRect().width)).toBe(await b.page.evaluate(() => window.innerWidth));
    // The room made at document_start (before the setting is read) is given
    // back before the page first paints: nobody sees the page narrower.
    const lastChange = seen.changes.at(-1);
    expect(lastChange?.margin ?? "").toBe("");
    expect(seen.firstPaint).not.toBeNull();
    expect(lastChange?.at ?? 0).toBeLessThan(seen.firstPaint!);
    console.log(`side-panel mode, the root's margin: at parse ${JSON.stringify(seen.atParsed)}, changes ${JSON.stringify(seen.changes)}, first paint ${seen.firstPaint} ms`);

    // The panel's page, in the same window: while it is itself the active tab, no page of a supported site is.
    const panel = await b.context.newPage();
    await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html`);
    const card = (name: string) => panel.getByRole("article", { name, exact: true });
    await expectText(panel.locator("body"), "This tab is not on a site Mutual reads", "the panel on a tab of no supported site");

    await b.page.bringToFront();
    await expectVisible(card(acme.name), `the "${acme.name}" card in the panel`);
    await expectText(card(acme.name), acme.overdueTitle, "Acme's overdue promise");

    // A second Gmail tab with thread B (Globex): the panel follows it, and back.
    const second = await b.context.newPage();
    await second.goto(threadUrl("B"));
    await second.bringToFront();
    await expectVisible(card(globex.name), `the "${globex.name}" card after switching tabs`);
    await expectAbsent(card(acme.name), `the "${acme.name}" card of the tab left behind`);
    await b.page.bringToFront();
    await expectVisible(card(acme.name), `the "${acme.name}" card back on the first tab`);
    await expectAbsent(card(globex.name), `the "${globex.name}" card`);

    // In-app navigation in the active tab: Gmail's hash moves to thread B.
    await b.page.evaluate((id) => (location.hash = `#inbox/${id}`), thread("B").id);
    await expectVisible(card(globex.name), `the "${globex.name}" card after navigating in Gmail`);
    expect(await b.page.locator("mutual-sidebar").count()).toBe(0);

    // Back to docked: the open tab gets its frame and makes room again, without a reload.
    const back = await b.context.newPage();
    await back.goto(b.optionsUrl());
    await back.getByRole("radio", { name: /Docked on the page/ }).check();
    await back.close();
    await b.page.bringToFront();
    await expect.poll(() => b.page.locator("mutual-sidebar").count(), { timeout: 10_000 }).toBe(1);
    await expectVisible(b.partnerCard(globex.name), `the "${globex.name}" card in the docked sidebar`);
    expect(await b.page.evaluate(() => document.documentElement.style.marginRight)).toBe("360px");
    await second.close();
    await panel.close();
  });
});
