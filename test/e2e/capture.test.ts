/**
 * Last contact from the threads the user opens: thread A's emails are logged
 * once each as Acme's interactions, metadata only; Undo removes exactly them.
 * Checked in the API's own data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "./harness/api.ts";
import { useSignedInBrowser } from "./harness/browser.ts";
import { e2eEnv } from "./harness/context.ts";
import { expectText, expectVisible, patience } from "./harness/expect.ts";
import { thread } from "./harness/mailbox.ts";

const env = e2eEnv();
const api = apiClient(env.apiUrl, env.token);
const { acme } = env.seed;
const browser = useSignedInBrowser(env);

interface Interaction { id: string; kind: string; direction: string; occurred_at: string; participants: string[]; summary: string }

/** Acme's email interactions with thread A's people: what capture logged. */
async function threadAEmails(): Promise<Interaction[]> {
  const all = await api.list<Interaction>(`/v1/partners/${acme.id}/interactions`);
  return all.filter((interaction) => interaction.kind === "email" && interaction.participants.includes("jo@acme.co.uk"));
}

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** "Mon, 16 Nov 2026, 09:12", as the fixture's headers show it, in this process's (and the browser's) time zone. */
function headerTime(text: string): string {
  const [, day, month, year, hour, minute] = /(\d+) (\w{3}) (\d{4}), (\d\d):(\d\d)/.exec(text)!;
  return new Date(Number(year), months.indexOf(month!), Number(day), Number(hour), Number(minute)).toISOString();
}

// The seed turns capture off so other files' threads log nothing; on here, as it is by default.
beforeAll(async () => {
  await api.patch("/v1/workspace/settings", { capture: { email: true, subjects: false } });
});
afterAll(async () => {
  await api.patch("/v1/workspace/settings", { capture: { email: false } });
});

describe("Email capture from Gmail", () => {
  it("logs thread A's two emails with their direction and times, says so, and Undo removes exactly them", async () => {
    const b = browser();
    await b.openThread("A");
    await expectVisible(b.partnerCard(acme.name), `the "${acme.name}" card`);
    const notice = b.sidebar().locator(".capture-notice");
    await expectText(notice, "2 emails from this thread logged · Undo", "the capture notice");

    const logged = await threadAEmails();
    expect(logged.map((email) => email.direction).sort()).toEqual(["inbound", "outbound"]);
    // The header times, read in the browser's own time zone (the same as this process's).
    const times = thread("A").messages.map((message) => headerTime(message.date));
    expect(logged.map((email) => email.occurred_at).sort()).toEqual(times.sort());
    // Metadata only: the subject is not kept (the workspace's default), and no body is anywhere.
    expect(logged.every((email) => email.summary === "")).toBe(true);
    expect(JSON.stringify(logged)).not.toContain("MDF approval before Friday");

    await notice.getByRole("button", { name: "Undo" }).click();
    await expectText(notice, "Undone", "the notice after Undo");
    expect(await threadAEmails()).toEqual([]);
  });

  it("opening the thread twice logs each message once", async () => {
    const b = browser();
    // As on another computer of the same member: nothing remembered of the Undo above.
    await b.removeFromStorage(["capturedMessages"]);
    await b.openThread("A");
    const notice = b.sidebar().locator(".capture-notice");
    await expectText(notice, "2 emails from this thread logged", "the capture notice");
    await expect.poll(async () => (await threadAEmails()).length, patience).toBe(2);

    // Reopened (a fresh load), and once more by the hash from thread B: nothing new, and nothing said.
    await b.openThread("A");
    await expectVisible(b.partnerCard(acme.name), `the "${acme.name}" card`);
    await b.page.evaluate((id) => (location.hash = `#inbox/${id}`), thread("B").id);
    await expectVisible(b.partnerCard(env.seed.globex.name), "the Globex card");
    await b.page.evaluate((id) => (location.hash = `#inbox/${id}`), thread("A").id);
    await expectVisible(b.partnerCard(acme.name), `the "${acme.name}" card`);
    await b.page.waitForTimeout(2_000);
    expect(await notice.count()).toBe(0);
    expect((await threadAEmails()).length).toBe(2);
  });
});
