/**
 * The dashboard's Import and export view in Chromium against the real API:
 * a partners CSV read in the page's worker, its columns guessed, a dry run
 * that names the bad row, the import, the same file again changing nothing,
 * history whose import backfills the trend, and the export's files.
 */
import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiClient } from "./harness/api.ts";
import { useSignedInBrowser } from "./harness/browser.ts";
import { e2eEnv } from "./harness/context.ts";
import { expectText, expectVisible, patience } from "./harness/expect.ts";

const env = e2eEnv();
const api = apiClient(env.apiUrl, env.token);
const browser = useSignedInBrowser(env);
const stamp = randomUUID().slice(0, 8);
const names = [`Importco One ${stamp}`, `Importco Two ${stamp}`];
const partnersCsv = [
  "Account Name,Website,Type,Partner Tier",
  `${names[0]},https://www.importco-one-${stamp}.com/,Reseller,Gold`,
  `${names[1]},importco-two-${stamp}.com,Managed Service Provider,`,
  `Freemail ${stamp},gmail.com,Reseller,`,
].join("\n");
const activitiesCsv = [
  "Company / Account,Activity Type,Subject,Date,Activity ID",
  `${names[0]},Call,Kick-off,${new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10)},act-${stamp}-1`,
  `${names[0]},Meeting,Quarterly review,${new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10)},act-${stamp}-2`,
].join("\n");

async function openImport(): Promise<Page> {
  const page = browser().page;
  await page.goto(browser().optionsUrl().replace("/options.html", "/dashboard.html"));
  await page.getByRole("link", { name: "Import and export" }).click();
  await expectVisible(page.getByRole("heading", { level: 1, name: "Import and export" }), "the import view");
  return page;
}

async function chooseFile(page: Page, kind: string, name: string, csv: string): Promise<void> {
  await page.getByLabel("What the file holds").selectOption(kind);
  await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expectVisible(page.getByRole("table", { name: "Columns" }), "the column mapping");
}

const summary = (page: Page) => page.locator("p.summary");

describe("Import and export on the dashboard", () => {
  it("previews a partners file with its bad row, imports it, and a second import changes nothing", async () => {
    const page = await openImport();
    await chooseFile(page, "partners", "accounts.csv", partnersCsv);
    expect(await page.getByLabel("Field for Account Name").inputValue()).toBe("name");
    expect(await page.getByLabel("Field for Website").inputValue()).toBe("domains");
    expect(await page.getByLabel("Field for Type").inputValue()).toBe("kind");

    await page.getByRole("button", { name: "Preview (dry run)" }).click();
    await expectText(summary(page), "Would create 2, update 0, leave unchanged 0; 1 row can't be imported and will be skipped.", "the preview");
    const problems = page.getByRole("table", { name: "Rows with problems" });
    await expectText(problems, "4\tfields.domains.0", "the bad row, by its row and field");
    expect((await api.list<{ name: string }>(`/v1/partners?q=${stamp}`)).length).toBe(0);

    await page.getByRole("button", { name: "Import 2 rows" }).click();
    await expectText(summary(page), "Created 2, updated 0, left unchanged 0", "the import");
    const imported = await api.list<{ name: string; kind: string; tier: string | null; domains: string[] }>(`/v1/partners?q=${stamp}`);
    expect(imported.map((p) => [p.name, p.kind, p.tier, p.domains]).sort()).toEqual([
      [names[0], "reseller", "Gold", [`importco-one-${stamp}.com`]],
      [names[1], "msp", null, [`importco-two-${stamp}.com`]],
    ]);

    await chooseFile(page, "partners", "accounts.csv", partnersCsv);
    await page.getByRole("button", { name: "Preview (dry run)" }).click();
    await expectText(summary(page), "Would create 0, update 0, leave unchanged 2", "the second preview");
    await page.getByRole("button", { name: "Import 2 rows" }).click();
    await expectText(summary(page), "Created 0, updated 0, left unchanged 2", "the second import");
    expect((await api.list(`/v1/partners?q=${stamp}`)).length).toBe(2);
  });

  it("imports activities for a partner and backfills its trend", async () => {
    const page = await openImport();
    await chooseFile(page, "interactions", "activities.csv", activitiesCsv);
    await page.getByRole("button", { name: "Preview (dry run)" }).click();
    await expectText(summary(page), "Would create 2", "the preview");
    await page.getByRole("button", { name: "Import 2 rows" }).click();
    await expectText(summary(page), "Health trends backfilled for 1 partner.", "the import with its backfill");
    const [partner] = await api.list<{ id: string }>(`/v1/partners?q=${encodeURIComponent(names[0]!)}`);
    const history = await api.get<{ items: { backfilled: boolean }[] }>(`/v1/partners/${partner!.id}/health/history?days=180`);
    expect(history.items.filter((point) => point.backfilled).length).toBeGreaterThanOrEqual(89);
  });

  it("exports the workspace as JSON and a CSV per record type", async () => {
    const page = await openImport();
    await page.getByRole("button", { name: "Export", exact: true }).click();
    const files = page.getByRole("list", { name: "Exported files" });
    await expectVisible(files, "the exported files", patience.timeout);
    const links = files.getByRole("link");
    const fileNames = await links.allTextContents();
    const day = new Date().toISOString().slice(0, 10);
    expect(fileNames).toEqual([
      `mutual-export-${day}.json`, ...["partners", "contacts", "interactions", "commitments", "referrals", "goals"].map((kind) => `mutual-${kind}-${day}.csv`),
    ]);
    const partnersFile = await page.evaluate(async (href) => (await fetch(href)).text(), await links.nth(1).getAttribute("href"));
    expect(partnersFile.split("\n")[0]).toContain("Name,Domains,Kind");
    expect(partnersFile).toContain(names[0]);
    const partnersInApi = await api.list("/v1/partners?limit=100");
    expect(partnersFile.trim().split("\n").length - 1).toBe(partnersInApi.length);
  });
});
