/**
 * The options page, with a fresh (signed-out) extension: a wrong URL and a
 * bad token are each explained plainly, and the right pair connects and is
 * saved where the background reads it.
 */
import { randomBytes } from "node:crypto";
import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExtensionBrowser, useExtensionBrowser } from "./harness/browser.ts";
import { e2eEnv } from "./harness/context.ts";
import { expectText, textOf } from "./harness/expect.ts";
import { freePort } from "./harness/wrangler.ts";

const env = e2eEnv();
let browser: ExtensionBrowser | undefined;
useExtensionBrowser(() => browser);

beforeAll(async () => {
  browser = await ExtensionBrowser.launch(env);
});
afterAll(async () => {
  await browser?.close();
});

/** A token of the right shape that no workspace has. */
const unknownToken = `mutual_${[...randomBytes(40)].map((byte) => "0123456789abcdefghijklmnopqrstuvwxyz"[byte % 36]).join("")}`;

async function openOptions() {
  const b = browser!;
  await b.page.goto(b.optionsUrl());
  const url = b.page.getByLabel("API URL", { exact: true });
  const token = b.page.getByLabel("API token", { exact: true });
  await url.waitFor({ state: "visible" });
  return { page: b.page, url, token, status: b.page.getByRole("status") };
}

/** The status line once it says something other than "Checking…" (each call is on a freshly opened page). */
async function settledStatus(status: Locator): Promise<string> {
  await expect.poll(async () => (await textOf(status)).trim(), { timeout: 20_000, message: "the status line should settle" })
    .toMatch(/^(?!Checking…$).+/);
  return (await textOf(status)).trim();
}

describe("Options page", () => {
  it("starts signed out", async () => {
    expect(await browser!.credentials()).toBeNull();
    expect(await browser!.storage(["apiUrl", "apiToken"])).toEqual({});
  });

  it("says plainly that nothing answers at a wrong URL", async () => {
    const { page, url, token, status } = await openOptions();
    const deadUrl = `http://127.0.0.1:${await freePort()}`;
    await url.fill(deadUrl);
    await token.fill(env.token);
    await page.getByRole("button", { name: "Test connection", exact: true }).click();
    const text = await settledStatus(status);
    expect(text).toBe(`Nothing answered at ${deadUrl}. Is the API running (npm start) and the URL right?`);
    // Plain words, not the browser's error.
    expect(text).not.toMatch(/TypeError|Failed to fetch|ERR_|undefined/);
    expect(await status.getAttribute("class")).toContain("problem");
  });

  it("says the token was rejected, and does not save it", async () => {
    const { page, url, token, status } = await openOptions();
    await url.fill(env.apiUrl);
    await token.fill(unknownToken);
    await page.getByRole("button", { name: "Test connection", exact: true }).click();
    expect(await settledStatus(status)).toBe("The API rejected this token: it is unknown or was revoked. Create a new one with npm run token.");

    const fresh = await openOptions();
    await fresh.url.fill(env.apiUrl);
    await fresh.token.fill(unknownToken);
    await fresh.page.getByRole("button", { name: "Save", exact: true }).click();
    expect(await settledStatus(fresh.status)).toBe("The API rejected this token: it is unknown or was revoked. Create a new one with npm run token.");
    expect(await browser!.credentials()).toBeNull();
  });

  it("connects with the right URL and token, and keeps them", async () => {
    const { page, url, token, status } = await openOptions();
    await url.fill(env.apiUrl);
    await token.fill(env.token);
    await page.getByRole("button", { name: "Test connection", exact: true }).click();
    expect(await settledStatus(status)).toBe(`Connected to ${env.workspaceName} as ${env.memberEmail}.`);
    expect(await browser!.credentials()).toBeNull(); // testing is not saving

    const fresh = await openOptions();
    await fresh.url.fill(env.apiUrl);
    await fresh.token.fill(env.token);
    await fresh.page.getByRole("button", { name: "Save", exact: true }).click();
    expect(await settledStatus(fresh.status)).toBe(`Saved. Connected to ${env.workspaceName} as ${env.memberEmail}.`);
    expect(await fresh.status.getAttribute("class")).toContain("connected");
    // Saved where the background reads them, not in storage.local (content scripts read that), and the token field emptied.
    expect(await browser!.credentials()).toEqual({ apiUrl: env.apiUrl, token: env.token });
    expect(JSON.stringify(await browser!.storage())).not.toContain(env.token);
    expect(await fresh.token.inputValue()).toBe("");

    // Opening the page again shows the saved URL, only the token's prefix, and checks the connection.
    const again = await openOptions();
    expect(await again.url.inputValue()).toBe(env.apiUrl);
    expect(await again.token.getAttribute("placeholder")).toBe(`Saved: ${env.token.slice(0, 12)}… (leave empty to keep)`);
    await expectText(again.status, `Connected to ${env.workspaceName} as ${env.memberEmail}.`, "the status on reopening");
    const html = await again.page.content();
    expect(html).not.toContain(env.token);
  });

  it("accepts the API URL with a trailing slash, as browsers show addresses", async () => {
    const { page, url, token, status } = await openOptions();
    await url.fill(`${env.apiUrl}/`);
    await token.fill(env.token);
    await page.getByRole("button", { name: "Test connection", exact: true }).click();
    expect(await settledStatus(status)).toBe(`Connected to ${env.workspaceName} as ${env.memberEmail}.`);

    const fresh = await openOptions();
    await fresh.url.fill(`${env.apiUrl}/`);
    await fresh.token.fill(env.token);
    await fresh.page.getByRole("button", { name: "Save", exact: true }).click();
    expect(await settledStatus(fresh.status)).toBe(`Saved. Connected to ${env.workspaceName} as ${env.memberEmail}.`);
    expect((await browser!.credentials())?.apiUrl).toBe(env.apiUrl);
  });

  it("once saved, tests the URL typed (not the saved one), saves a new URL alone, and shows a disabled Save as disabled", async () => {
    const { page, url, status } = await openOptions();
    await expectText(status, `Connected to ${env.workspaceName} as ${env.memberEmail}.`, "the saved settings' check");
    const save = page.getByRole("button", { name: "Save", exact: true });
    // Nothing changed yet: Save is disabled and looks it.
    expect(await save.isDisabled()).toBe(true);
    const look = await save.evaluate((button) => ({ cursor: getComputedStyle(button).cursor, background: getComputedStyle(button).backgroundColor }));
    expect(look).toEqual({ cursor: "not-allowed", background: "rgb(236, 239, 244)" });

    const deadUrl = `http://127.0.0.1:${await freePort()}`;
    await url.fill(deadUrl);
    await page.getByRole("button", { name: "Test connection", exact: true }).click();
    expect(await settledStatus(status)).toBe(`Nothing answered at ${deadUrl}. Is the API running (npm start) and the URL right?`);
    expect(await browser!.credentials()).toEqual({ apiUrl: env.apiUrl, token: env.token });

    // Only the URL changed, the token left empty to keep: Save is enabled and keeps the saved token.
    await url.fill(`${env.apiUrl}/`);
    expect(await save.isDisabled()).toBe(true); // the same address, written with its slash
    await url.fill(env.apiUrl.replace("127.0.0.1", "localhost"));
    expect(await save.isDisabled()).toBe(false);
    await save.click();
    expect(await settledStatus(status)).toBe(`Saved. Connected to ${env.workspaceName} as ${env.memberEmail}.`);
    expect(await browser!.credentials()).toEqual({ apiUrl: env.apiUrl.replace("127.0.0.1", "localhost"), token: env.token });
    // Back as it was, for the files after this one.
    await url.fill(env.apiUrl);
    await save.click();
    expect(await settledStatus(status)).toBe(`Saved. Connected to ${env.workspaceName} as ${env.memberEmail}.`);
  });
});
