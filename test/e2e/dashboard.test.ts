/**
 * The extension's own pages that read the API through the background: the
 * dashboard (every partner by health with its trend, overdue commitments,
 * partners going quiet, click-through to a partner) and the toolbar popup
 * (connection and the partner on the current tab). Expected figures come
 * from the API itself, since other files add partners to the shared API.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { relativeDay } from "../../shared/display-format.ts";
import { quietness } from "../../shared/dormancy.ts";
import { apiClient } from "./harness/api.ts";
import { useSignedInBrowser } from "./harness/browser.ts";
import { e2eEnv } from "./harness/context.ts";
import { expectText, expectVisible, textOf } from "./harness/expect.ts";

interface ListedPartner {
  id: string;
  name: string;
  status: string;
  cadence_days: number | null;
  last_contact_at: string | null;
  created_at: string;
  health: { score: number | null } | null;
}

const env = e2eEnv();
const api = apiClient(env.apiUrl, env.token);
const { acme } = env.seed;
const browser = useSignedInBrowser(env);

const extensionUrl = (path: string) => browser().optionsUrl().replace("/options.html", path);

describe("Dashboard", () => {
  it("lists every partner weakest first with its trend, the overdue promises and who is going quiet; a click opens the partner", async () => {
    const b = browser();
    const expected = await api.list<ListedPartner>("/v1/partners?sort=health&limit=100");
    await b.page.goto(extensionUrl("/dashboard.html"));
    const table = b.page.getByRole("table");
    await expectVisible(table, "the partners table");
    const rows = table.locator("tbody tr");
    await expect.poll(() => rows.count(), { message: "one row per partner (the first 50)" }).toBe(Math.min(50, expected.length));
    const shownNames = await rows.locator("td:first-child").allTextContents();
    expect(shownNames).toEqual(expected.slice(0, 50).map((p) => p.name));
    if (expected.length > 50) {
      await b.page.getByRole("button", { name: "Show more partners", exact: true }).click();
      await expect.poll(() => rows.count()).toBe(Math.min(100, expected.length));
    }

    // Acme's trend: what its own history says (one scored day so far gives a note, more a line).
    const acmeRow = rows.filter({ has: b.page.getByRole("link", { name: acme.name, exact: true }) });
    const history = await api.get<{ items: { score: number | null }[] }>(`/v1/partners/${acme.id}/health/history?days=90`);
    const scored = history.items.filter((point) => point.score !== null);
    const trendCell = acmeRow.locator("td").nth(2);
    if (scored.length >= 2) {
      await expectVisible(trendCell.getByRole("img", { name: new RegExp(`^${acme.name} health trend: from \\d+(\\.\\d+)? to \\d+(\\.\\d+)?$`) }), "Acme's sparkline");
    } else {
      await expectText(trendCell, scored.length === 1 ? "one day so far" : "no trend yet", "Acme's trend note");
    }

    // The seeded promise we owe Acme, overdue.
    const overdue = b.page.getByRole("region", { name: "Overdue commitments" });
    await expectText(overdue, `${acme.name}: ${acme.overdueTitle} (we owe, due ${relativeDay(acme.overdueDueOn, new Date())})`, "the overdue promise");

    // Going dormant: the active partners past their cadence, by the same rule as the product.
    const now = new Date();
    const active = await api.list<ListedPartner>("/v1/partners?status=active&sort=last_contact&limit=100");
    const late = active.slice(0, 100).filter((p) => quietness(p, now) !== null).map((p) => p.name);
    const dormant = b.page.getByRole("region", { name: "Going dormant" });
    if (late.length === 0) await expectText(dormant, "Every active partner is within its contact cadence.", "the going-dormant note");
    else expect(await dormant.getByRole("link").allTextContents()).toEqual(late);

    // Click through to Acme, and back.
    await acmeRow.getByRole("link", { name: acme.name, exact: true }).click();
    await expectVisible(b.page.getByRole("heading", { level: 1, name: acme.name, exact: true }), "Acme's page");
    await expectText(b.page.locator("main"), "Reseller · ", "Acme's kind line, in the sidebar's words");
    await expectVisible(b.page.getByRole("region", { name: "Partnership health" }), "the sidebar's health panel on Acme's page");
    await b.page.getByRole("link", { name: "← All partners" }).click();
    await expectVisible(table, "the partners table again");
  });

  it("says plainly when it is not connected", async () => {
    const b = browser();
    await b.signOut();
    try {
      await b.page.goto(extensionUrl("/dashboard.html"));
      // Said once for the whole page, with Retry, not once per section.
      const alert = b.page.getByRole("alert");
      await expectText(alert, "Mutual is not connected: add the API URL and token on its options page.", "the not-connected note");
      expect(await alert.count()).toBe(1);
      await expectVisible(alert.getByRole("button", { name: "Retry", exact: true }), "Retry");
    } finally {
      await b.signIn();
    }
  });
});

describe("Popup", () => {
  async function openPopupFor(tab: Page): Promise<Page> {
    const popup = await browser().context.newPage();
    await popup.goto(extensionUrl("/popup.html"));
    // As when the toolbar button is clicked: the page's tab is the active one while the popup asks.
    await tab.bringToFront();
    await popup.reload();
    return popup;
  }

  it("shows the connection and the partner on the current Gmail thread", async () => {
    const b = browser();
    await b.openThread("A");
    await expectVisible(b.partnerCard(acme.name), `the "${acme.name}" card`);
    const popup = await openPopupFor(b.page);
    try {
      await expectText(popup.getByRole("status"), /^Connected/, "the connection status");
      const partner = popup.getByRole("listitem").filter({ hasText: acme.name });
      await expectVisible(partner, "Acme in the popup");
      const score = (await api.get<ListedPartner>(`/v1/partners/${acme.id}`)).health?.score ?? null;
      expect((await textOf(partner)).trim()).toBe(`${acme.name} ${score === null ? "–" : String(score)}`);
    } finally {
      await popup.close();
    }
  });

  it("says what to open on a page without a sidebar", async () => {
    const b = browser();
    await b.page.goto("about:blank");
    const popup = await openPopupFor(b.page);
    try {
      await expectText(popup.locator("main"), "Open a Gmail thread or a Salesforce Account to see its partner.", "the popup's hint");
    } finally {
      await popup.close();
    }
  });
});
