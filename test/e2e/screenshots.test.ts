/**
 * The screenshots in docs/screenshots/, taken from the built extension
 * against the seeded API: `npm run screenshots` writes them (MUTUAL_SCREENSHOTS=1);
 * in an ordinary e2e run the same steps run and only check that each view
 * draws, so the script cannot rot unnoticed.
 */
import { mkdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { apiClient } from "./harness/api.ts";
import { useSignedInBrowser } from "./harness/browser.ts";
import { e2eEnv } from "./harness/context.ts";
import { expectText, expectVisible } from "./harness/expect.ts";

const env = e2eEnv();
const api = apiClient(env.apiUrl, env.token);
const { acme } = env.seed;
const browser = useSignedInBrowser(env);
const directory = new URL("../../docs/screenshots/", import.meta.url);
const write = process.env.MUTUAL_SCREENSHOTS === "1";

async function shoot(name: string, take: (path: string | undefined) => Promise<unknown>): Promise<void> {
  if (write) mkdirSync(directory, { recursive: true });
  await take(write ? new URL(name, directory).pathname : undefined);
}

describe("Screenshots", () => {
  it("the sidebar open beside a thread, light and dark", async () => {
    const b = browser();
    await b.page.setViewportSize({ width: 1280, height: 800 });
    await b.openThread("A");
    await expectVisible(b.partnerCard(acme.name), "Acme's card");
    await shoot("sidebar-open.png", (path) => b.page.screenshot({ path }));
    await b.page.emulateMedia({ colorScheme: "dark" });
    // The frame follows the system's theme when the page says nothing of its own.
    await expect.poll(() => b.sidebarFrame()?.evaluate(() => document.documentElement.dataset.theme), { message: "the sidebar turns dark" }).toBe("dark");
    await shoot("sidebar-dark.png", (path) => b.page.screenshot({ path }));
    await b.page.emulateMedia({ colorScheme: "light" });
  });

  it("the sidebar for a partner with nothing logged yet", async () => {
    const b = browser();
    // Thread C's company (Hooli) as a partner with nothing logged, for the picture only. A Hooli
    // another file added is archived meanwhile and restored after, so every file sees what it made.
    const send = (method: string, path: string) => fetch(`${env.apiUrl}${path}`, { method, headers: { Authorization: `Bearer ${env.token}` } });
    const existing = (await api.list<{ id: string; domains: string[] }>("/v1/partners?q=hooli.io")).filter((p) => p.domains.includes("hooli.io"));
    for (const partner of existing) await send("DELETE", `/v1/partners/${partner.id}`);
    const hooli = await api.post<{ id: string }>("/v1/partners", { name: "Hooli", kind: "isv", status: "onboarding", domains: ["hooli.io"] });
    try {
      await b.forgetLookups();
      await b.openThread("C");
      await expectText(b.partnerCard("Hooli"), "New partner: start with Log touchpoint", "the new partner's line");
      await shoot("sidebar-new-partner.png", (path) => b.page.screenshot({ path }));
    } finally {
      await send("DELETE", `/v1/partners/${hooli.id}`);
      for (const partner of existing) await send("POST", `/v1/partners/${partner.id}/restore`);
      await b.forgetLookups();
    }
  });

  it("the dashboard's partner page", async () => {
    const b = browser();
    await b.page.goto(`${b.optionsUrl().replace("/options.html", "/dashboard.html")}#partner/${acme.id}`);
    await expectVisible(b.page.getByRole("region", { name: "Open promises" }), "Acme's promises");
    await expectText(b.page.getByRole("region", { name: "Referrals" }), acme.referralAccount, "Acme's referrals");
    await shoot("dashboard-partner.png", (path) => b.page.screenshot({ path, fullPage: true }));
  });
});
