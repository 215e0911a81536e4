/**
 * The sidebar beside Gmail's own layout: the page makes room for it (a rail
 * for the collapsed tab, the panel's width when open), so none of Gmail's
 * controls is ever under it, and filling it with a partner moves nothing on
 * the page. The Gmail fixture fills the window's width, with its account
 * button and each message's Reply and More buttons at the far right. The
 * room is made before the page lays anything out, and the page's width
 * changes again only when the user opens or collapses the sidebar.
 */
import { describe, expect, it } from "vitest";
import { useSignedInBrowser } from "./harness/browser.ts";
import { e2eEnv } from "./harness/context.ts";
import { expectAbsent, expectVisible } from "./harness/expect.ts";

const env = e2eEnv();
const { acme } = env.seed;
const browser = useSignedInBrowser(env);

interface Box { x: number; y: number; width: number; height: number }
interface Control extends Box { label: string }

/** Gmail's own controls (buttons, links, fields, people), where they are on screen. */
async function pageControls(): Promise<Control[]> {
  return browser().page.evaluate(() => [...document.querySelectorAll("button, a[href], input, select, textarea, [role=button], span[email]")]
    .filter((element) => !element.closest("mutual-sidebar"))
    .map((element) => {
      const box = element.getBoundingClientRect();
      const label = element.getAttribute("aria-label") ?? element.getAttribute("email") ?? element.textContent ?? "";
      return { label: `${element.tagName.toLowerCase()} "${label.trim()}"`, x: box.x, y: box.y, width: box.width, height: box.height };
    })
    .filter((box) => box.width > 0 && box.height > 0));
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function boxOf(selector: string): Promise<Box> {
  const box = await browser().sidebar().locator(selector).boundingBox();
  if (!box) throw new Error(`the sidebar's ${selector} is not on screen`);
  return box;
}

function covered(controls: Control[], sidebar: Box): string[] {
  return controls.filter((control) => overlaps(control, sidebar)).map((control) => control.label);
}

describe("The sidebar and Gmail's own layout", () => {
  it("never covers Gmail's controls, open or collapsed, and filling it moves nothing on the page", async () => {
    const b = browser();
    const viewport = b.page.viewportSize()!;
    await b.openThread("A");
    // As soon as the thread is drawn, before the API has answered.
    await b.page.locator("div[role=main] div.adn").first().waitFor();
    const early = await pageControls();
    expect(early.map((control) => control.label)).toEqual(expect.arrayContaining(['button "Google Account: Morgan Lee"', 'button "Reply"', 'button "More message options"']));

    await expectVisible(b.partnerCard(acme.name), `the "${acme.name}" card`);
    await expectAbsent(b.panel().getByText("Refreshing…"), "the refresh from the API", 10_000);
    const panel = await boxOf("aside.panel");
    expect(panel.x + panel.width).toBeCloseTo(viewport.width, 0);
    const open = await pageControls();
    expect(covered(open, panel)).toEqual([]);
    // Everything of Gmail's stays in the space left beside the panel.
    for (const control of open) expect(control.x + control.width, control.label).toBeLessThanOrEqual(panel.x + 1);
    // The sidebar filling up (cache, then the API) moved none of Gmail's controls.
    expect(open).toEqual(early);
    // A card's three actions fit on one row of the 360 px panel.
    const actions = b.partnerCard(acme.name).getByRole("group", { name: `Actions for ${acme.name}` }).getByRole("button");
    const tops = await actions.evaluateAll((buttons) => buttons.map((button) => Math.round(button.getBoundingClientRect().top)));
    expect(tops).toHaveLength(3);
    expect(new Set(tops).size).toBe(1);

    await b.panel().getByRole("button", { name: "Collapse Mutual (Alt+Shift+M)" }).click();
    const tab = b.sidebar().getByRole("button", { name: `Open Mutual: ${acme.name}`, exact: true });
    await expectVisible(tab, "the collapsed tab");
    const tabBox = await boxOf("button.tab");
    const collapsed = await pageControls();
    expect(covered(collapsed, tabBox)).toEqual([]);
    // Gmail gets the room back, all but the tab's rail.
    const account = collapsed.find((control) => control.label === 'button "Google Account: Morgan Lee"')!;
    expect(account.x + account.width).toBeGreaterThan(panel.x);
    expect(account.x + account.width).toBeLessThanOrEqual(tabBox.x + 1);

    // And the same after a thread hop inside Gmail, collapsed.
    await tab.focus();
    await b.page.evaluate(() => (location.hash = "#inbox/FMfcgzQbgBzKcXwRtYpLmNqSdVfHjKlP"));
    await b.page.locator('div[role=main] h2.hP').filter({ hasNotText: "Q4 MDF request" }).waitFor();
    expect(covered(await pageControls(), await boxOf("button.tab"))).toEqual([]);

    // Reopened for the other tests in this browser.
    await b.sidebar().locator("button.tab").click();
    await expectVisible(b.panel(), "the panel");
    expect(covered(await pageControls(), await boxOf("aside.panel"))).toEqual([]);
  });

  it("makes room before Gmail lays anything out, and never changes the page's width on its own", async () => {
    const b = browser();
    // In the page's own world, from the document's start: the reserved width once parsed, and every later change.
    await b.page.addInitScript(() => {
      const record = { atParsed: null as string | null, changedAfterParse: [] as string[] };
      (window as unknown as { __margins: typeof record }).__margins = record;
      let parsed = false;
      document.addEventListener("DOMContentLoaded", () => {
        parsed = true;
        record.atParsed = document.documentElement.style.marginRight;
      });
      // The document, not its root element: that may not exist yet when this runs.
      new MutationObserver((mutations) => {
        if (parsed && mutations.some((mutation) => mutation.target === document.documentElement)) record.changedAfterParse.push(document.documentElement.style.marginRight);
      }).observe(document, { attributes: true, attributeFilter: ["style"], subtree: true });
    });
    await b.openThread("A");
    await expectVisible(b.partnerCard(acme.name), `the "${acme.name}" card`);
    await expectAbsent(b.panel().getByText("Refreshing…"), "the refresh from the API", 10_000);
    await b.page.evaluate(() => (location.hash = "#inbox/FMfcgzQbgBzKcXwRtYpLmNqSdVfHjKlP"));
    await b.page.locator('div[role=main] h2.hP').filter({ hasNotText: "Q4 MDF request" }).waitFor();
    const margins = () => b.page.evaluate(() => (window as unknown as { __margins: { atParsed: string | null; changedAfterParse: string[] } }).__margins);
    // Already the open panel's width when the parser finished: before the page's scripts drew anything.
    expect(await margins()).toEqual({ atParsed: "360px", changedAfterParse: [] });
    // The user collapsing the sidebar is the one thing that gives the room back.
    await b.panel().getByRole("button", { name: "Collapse Mutual (Alt+Shift+M)" }).click();
    await expectVisible(b.sidebar().locator("button.tab"), "the collapsed tab");
    expect((await margins()).changedAfterParse).toEqual(["40px"]);
    await b.sidebar().locator("button.tab").click();
    await expectVisible(b.panel(), "the panel");
  });
});
