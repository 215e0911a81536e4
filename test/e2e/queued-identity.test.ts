/**
 * A write is sent only as the member who made it. Signed in to workspace A,
 * A's token is revoked while "Add partner" is being filled in: the partner is
 * kept and the sidebar says to sign in again (not "will sync"). Signed in to
 * workspace B, it is not sent to B and waits, visibly, for A. Signed in to A
 * again (a new token of the same member), it lands in A, once, and never in B.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, type Partner } from "./harness/api.ts";
import { ExtensionBrowser, useExtensionBrowser } from "./harness/browser.ts";
import { e2eEnv, revokeToken } from "./harness/context.ts";
import { expectText, expectVisible, patience } from "./harness/expect.ts";

const env = e2eEnv();
const { first: workspaceA, second: workspaceB } = env.others;
const [revocable, spare] = workspaceA.tokens;
const run = Date.now().toString(36);
const partnerName = `Confidential Venture ${run}`;
const domain = `confidential-${run}.io`;
let browser: ExtensionBrowser | undefined;
useExtensionBrowser(() => browser);

beforeAll(async () => {
  browser = await ExtensionBrowser.launch(env);
  await browser.signIn(env.apiUrl, revocable!.token);
});
afterAll(async () => {
  await browser?.close();
});

async function partnersNamed(token: string): Promise<Partner[]> {
  return (await apiClient(env.apiUrl, token).list<Partner>(`/v1/partners?q=${encodeURIComponent(partnerName)}`)).filter((p) => p.name === partnerName);
}

describe("Who a queued write is sent as", () => {
  it("keeps a write made as A for A: revoked, it asks to sign in again; as B, it waits for A; as A again, it lands in A once", async () => {
    const b = browser!;
    await b.openThread("C");
    await expectText(b.panel(), "Hooli isn't a partner yet.", "the unknown-company note in workspace A");
    await b.sidebar().getByRole("button", { name: "Add partner", exact: true }).click();
    const form = b.sidebar().getByRole("form", { name: "Add partner" });
    await form.getByLabel("Company name").fill(partnerName);
    await form.getByLabel("Email / web domains").fill(domain);

    await revokeToken(env, revocable!.id);
    await form.getByRole("button", { name: "Add partner", exact: true }).click();
    const said = `Partner "${partnerName}": saved on this computer, not sent: Mutual's API no longer accepts this computer's token. Sign in again in Settings to send it.`;
    await expectText(b.announcement(), said, "the announcement");
    const pending = b.panel().getByRole("region", { name: "Waiting to sync" });
    await expectText(pending, "Mutual's API no longer accepts this computer's token. Sign in again to send these changes.", "the sign-in note");
    await expectVisible(pending.getByRole("button", { name: "Settings", exact: true }), "the Settings button");
    await expectText(pending.locator("li", { hasText: partnerName }), `Partner "${partnerName}" saved here, waits for you to sign in again`, "the waiting write");
    expect(await b.sidebarText()).not.toContain("will sync");

    // Opened again, the thread's lookup is refused too: the same advice, a full sentence, and Settings opens the options page.
    await b.openThread("C");
    const notice = b.panel().locator(".notice", { hasText: "Sign in again in Settings." });
    await expectText(notice, "Mutual's API no longer accepts this computer's token (revoked or unknown). Sign in again in Settings.", "the lookup's sign-in note");
    const [options] = await Promise.all([
      b.context.waitForEvent("page"),
      notice.getByRole("button", { name: "Settings", exact: true }).click(),
    ]);
    expect(options.url()).toBe(b.optionsUrl());
    await options.close();

    await b.signIn(env.apiUrl, workspaceB.tokens[0]!.token);
    await b.openThread("C");
    const held = b.panel().getByRole("list", { name: "Waiting for another sign-in" });
    await expectText(held, `1 change saved as ${workspaceA.memberEmail} in workspace ${workspaceA.workspaceName} waits for that sign-in.`, "the held write");
    await expectVisible(held.getByRole("button", { name: "Discard", exact: true }), "the Discard button");
    // Time for a wrong send to happen, had it been going to.
    await b.page.waitForTimeout(3_000);
    expect(await partnersNamed(workspaceB.tokens[0]!.token)).toEqual([]);
    expect((await b.storage(["outbox"])).outbox).toHaveLength(1);

    await b.signIn(env.apiUrl, spare!.token);
    await expect.poll(async () => (await partnersNamed(spare!.token)).length, { ...patience, message: "the partner should land in workspace A" }).toBe(1);
    await expect.poll(async () => ((await b.storage(["outbox"])).outbox as unknown[]).length, { ...patience, message: "the outbox should empty" }).toBe(0);
    expect((await partnersNamed(spare!.token))[0]).toMatchObject({ domains: [domain] });
    expect(await partnersNamed(workspaceB.tokens[0]!.token)).toEqual([]);
  });

  it("is still signed in after the browser is closed and started again", async () => {
    browser = await browser!.restarted();
    expect(await browser.credentials()).toEqual({ apiUrl: env.apiUrl, token: spare!.token });
    await browser.openThread("C");
    await expectText(browser.panel(), "Hooli isn't a partner yet.", "the lookup, made with the saved token");
  });
});
