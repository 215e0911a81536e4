/**
 * Reading Gmail: the sidebar beside an open thread shows the thread's partner
 * from the real API, and follows Gmail's hash navigation without a reload.
 */
import { describe, expect, it } from "vitest";
import { relativeDay } from "../../shared/display-format.ts";
import { apiClient } from "./harness/api.ts";
import { useSignedInBrowser } from "./harness/browser.ts";
import { e2eEnv } from "./harness/context.ts";
import { expectAbsent, expectText, expectVisible, textOf } from "./harness/expect.ts";
import { thread, threadUrl } from "./harness/mailbox.ts";

const env = e2eEnv();
const { acme, globex } = env.seed;
const browser = useSignedInBrowser(env);

describe("Gmail sidebar", () => {
  it("shows Acme Cloud Partners beside thread A, with its health badge and the overdue promise we owe", async () => {
    const b = browser();
    await b.openThread("A");
    const card = b.partnerCard(acme.name);
    await expectVisible(card, `the "${acme.name}" card`);
    expect(await textOf(card.getByRole("heading", { level: 2 }))).toBe(acme.name);
    await expectText(card, "Reseller · Gold · Active", "the card's kind line");
    // Other files log meetings with Acme in this shared API, so ask it when the last contact was.
    const partner = await apiClient(env.apiUrl, env.token).get<{ last_contact_at: string }>(`/v1/partners/${acme.id}`);
    // Said as a relative day at the card's fixed top, with the cadence beside it.
    const lastContact = new RegExp(`Last contact\\s*${relativeDay(partner.last_contact_at, new Date())} \\(every 14 days\\)`);
    await expectText(card.locator(".glance"), lastContact, "the card's last contact");
    // The trend comes after the card is painted, beside the score; a partner scored only today has "one day so far".
    await expectText(card.locator(".glance"), /(↑ \d+ in \d+ days?|↓ \d+ in \d+ days?|steady|one day so far)[\s\S]*We owe\s*\d+ open, \d+ overdue/, "the health trend, then what we owe, overdue counted");

    // The health badge at the top: "<score> · <band>", with the score spelled out for screen readers.
    const badge = card.locator(".glance .badge");
    await expectVisible(badge, "the health badge");
    expect(await badge.getAttribute("aria-label")).toMatch(/^Health (\d+|not scored), (Healthy|Watch|At risk|Not enough history yet)$/);
    expect(await textOf(badge)).toMatch(/^(\d+|–) · (Healthy|Watch|At risk|Not enough history yet)$/);

    // "You owe": the seeded overdue promise, marked overdue since its due date.
    const commitments = card.getByRole("region", { name: "Open commitments" });
    const youOwe = commitments.locator(".commitment-group").filter({ has: b.page.getByRole("heading", { name: "You owe", exact: true }) });
    const overdue = youOwe.locator("li", { hasText: acme.overdueTitle });
    await expectVisible(overdue, `"${acme.overdueTitle}" under "You owe"`);
    expect(await textOf(overdue)).toContain(`overdue, was due ${relativeDay(acme.overdueDueOn, new Date())}`);
    await expectVisible(commitments.getByRole("heading", { name: `${acme.name} owes`, exact: true }), `the "${acme.name} owes" list`);

    // The referral and the goal come from the same lookup.
    await expectText(card.getByRole("region", { name: "Referrals" }), acme.referralAccount, "the referrals");
    await expectText(card.getByRole("region", { name: "Shared goals" }), acme.goalTitle, "the goals");
    for (const action of ["Log a promise", "Meeting notes", "Log touchpoint"]) {
      await expectVisible(card.getByRole("button", { name: action, exact: true }), `the "${action}" button`);
    }

    // Thread A's first message body mentions someone at Globex: message bodies are
    // the sender's markup, never people on the thread, so Globex must not match.
    expect(thread("A").messages[0]!.bodyPerson?.email).toBe("priya@globex-systems.com");
    await expectAbsent(b.partnerCard(globex.name), `the "${globex.name}" card`, 1_000);
    expect(await b.sidebar().getByRole("article").count()).toBe(1);
  });

  it("follows Gmail's hash navigation from thread A to thread B without a reload", async () => {
    const b = browser();
    await b.openThread("A");
    await expectVisible(b.partnerCard(acme.name), `the "${acme.name}" card`);
    // A marker that only survives if the page is not reloaded.
    await b.page.evaluate(() => ((window as unknown as { __samePage: boolean }).__samePage = true));

    // What Gmail's "Older"/"Newer" arrows and its thread list do: change the hash; Gmail then renders.
    await b.page.evaluate((id) => (location.hash = `#inbox/${id}`), thread("B").id);

    const card = b.partnerCard(globex.name);
    await expectVisible(card, `the "${globex.name}" card`, 15_000);
    await expectAbsent(b.partnerCard(acme.name), `the "${acme.name}" card`, 5_000);
    const theyOwe = card.locator(".commitment-group").filter({ has: b.page.getByRole("heading", { name: `${globex.name} owes`, exact: true }) });
    await expectText(theyOwe, globex.theirPromiseTitle, `the "${globex.name} owes" list`);
    // It stays on Globex: a late re-read of the old thread must not flip it back.
    await b.page.waitForTimeout(2_000);
    expect(await b.sidebar().getByRole("article").allInnerTexts()).toEqual([expect.stringContaining(globex.name)]);

    expect(await b.page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
    expect(b.page.url()).toBe(threadUrl("B"));

    // And back with the browser's Back (the same hashchange to Gmail).
    await b.page.goBack();
    await expectVisible(b.partnerCard(acme.name), `the "${acme.name}" card after Back`, 15_000);
    await expectAbsent(b.partnerCard(globex.name), `the "${globex.name}" card after Back`, 5_000);
    expect(await b.page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
  });

  it("does not look up the page it is leaving when a link takes the tab to another page", async () => {
    const b = browser();
    await b.openThread("A");
    await expectVisible(b.partnerCard(acme.name), `the "${acme.name}" card`);
    await expectAbsent(b.panel().getByText("Refreshing…"), "the refresh of thread A", 10_000);
    await b.forgetLookups();
    // As a link in the page would (the browser's own address bar raises no navigate event in the page).
    await b.page.evaluate(() => location.assign("about:blank"));
    await b.page.waitForURL("about:blank");
    // A lookup of thread A made on the way out would land in the cache within this time.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(Object.keys(await b.storage()).filter((key) => key.startsWith("lookup:"))).toEqual([]);
  });
});
