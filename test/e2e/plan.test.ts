/**
 * The partnership plan from the browser: written and edited on the
 * dashboard (with a colleague's change landing meanwhile, and nothing lost),
 * seen as one line in the Gmail sidebar, and reviewed from there as a
 * meeting; each step checked in the API's own data.
 */
import { describe, expect, it } from "vitest";
import { apiClient, type Commitment, type Meeting } from "./harness/api.ts";
import { useSignedInBrowser } from "./harness/browser.ts";
import { e2eEnv } from "./harness/context.ts";
import { expectText, expectVisible } from "./harness/expect.ts";

interface PlanResource {
  version: number;
  review_every_days: number;
  plan: Record<string, unknown> & { last_reviewed_at?: string };
}
interface PlanVersion { version: number; meeting_id: string | null; changed_by: { email: string | null } | null; changes: { field: string }[] }

const env = e2eEnv();
const api = apiClient(env.apiUrl, env.token);
const { globex } = env.seed;
const browser = useSignedInBrowser(env);
const planPath = `/v1/partners/${globex.id}/plan`;
const agreement = { title: "Partner agreement", url: "https://docs.example/globex-agreement.pdf" };

/** A colleague's edit straight to the API, without If-Match: lands whatever version the page holds. */
async function colleagueEdits(body: unknown): Promise<void> {
  const response = await fetch(`${env.apiUrl}${planPath}`, {
    method: "PATCH", headers: { Authorization: `Bearer ${env.token}`, "Content-Type": "application/json" }, body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

describe("The partnership plan", () => {
  it("is edited on the dashboard, a colleague's change meanwhile kept beside mine, with its history and diffs", async () => {
    const b = browser();
    await b.page.goto(browser().optionsUrl().replace("/options.html", `/dashboard.html#plan/${globex.id}`));
    await expectVisible(b.page.getByRole("heading", { level: 1, name: `Partnership plan: ${globex.name}` }), "the plan page");
    const form = b.page.getByRole("form", { name: "The plan" });
    const before = await api.get<PlanResource>(planPath);

    // A field the schema refuses: named beside it and in the summary, nothing saved.
    await form.getByLabel("Margin (%)").fill("150");
    await form.getByRole("button", { name: "Save the plan" }).click();
    await expectText(form.locator(".field.invalid"), "Margin (%): Too big", "the margin's own error");
    await expectText(form.locator("p.status.problem"), /^Not saved: Margin \(terms\.margin_percent\): /, "the summary naming the field");
    expect((await api.get<PlanResource>(planPath)).version).toBe(before.version);

    await form.getByLabel("Our objectives").fill("Win mid-market manufacturing together");
    await form.getByLabel("Our roles").fill("Technical enablement\nCo-marketing");
    await form.getByLabel("Margin (%)").fill("20");
    await form.getByLabel("Market development funds", { exact: true }).fill("25000");
    await form.getByLabel("Market development funds currency").fill("EUR");
    await form.getByRole("button", { name: "Add document" }).click();
    await form.getByLabel("Document 1 title").fill(agreement.title);
    await form.getByLabel("Document 1 link").fill(agreement.url);
    await form.getByRole("button", { name: "Add milestone" }).click();
    await form.getByLabel("Milestone 1", { exact: true }).fill("First joint deal");
    await form.getByLabel("Renewal date").fill("2027-03-01");
    await form.getByRole("button", { name: "Save the plan" }).click();
    await expectText(form.getByRole("status").last(), `Saved as version ${before.version + 1}.`, "the saved note");
    const saved = await api.get<PlanResource>(planPath);
    expect(saved.plan).toMatchObject({
      our_objectives: "Win mid-market manufacturing together", our_roles: ["Technical enablement", "Co-marketing"],
      terms: { margin_percent: 20, mdf: { amount_minor: 2_500_000, currency: "EUR" } },
      documents: [agreement], milestones: [{ title: "First joint deal", done: false }], renewal_on: "2027-03-01",
    });

    // A colleague changes the rules meanwhile; my save is refused with who, theirs shown, mine kept and then saved on top.
    await colleagueEdits({ rules_of_engagement: "Register every deal in the portal first" });
    await form.getByLabel(`${globex.name}'s objectives`).fill("Add a services line");
    await form.getByRole("button", { name: "Save the plan" }).click();
    const conflict = form.getByRole("alert").filter({ hasText: "meanwhile" });
    await expectText(conflict, `Changed by ${env.memberEmail} meanwhile`, "who changed it");
    await expectText(conflict, "Rules of engagement: (none) → Register every deal in the portal first", "their change");
    expect(await form.getByLabel(`${globex.name}'s objectives`).inputValue()).toBe("Add a services line");
    await conflict.getByRole("button", { name: "Save my changes on top of theirs" }).click();
    await expectText(form.getByRole("status").last(), `Saved as version ${before.version + 3}.`, "saved on top");
    expect((await api.get<PlanResource>(planPath)).plan).toMatchObject({
      rules_of_engagement: "Register every deal in the portal first", partner_objectives: "Add a services line", our_objectives: "Win mid-market manufacturing together",
    });

    // The history says who changed what; the diff of the first edit against the latest names the colleague's field.
    const history = b.page.getByRole("region", { name: "History" });
    await expectText(history.locator(".plan-history > li").first(), `Version ${before.version + 3}`, "the newest version first");
    await expectText(history.locator(".plan-history > li").first(), `by ${env.memberEmail}`, "who");
    await history.getByLabel("From").selectOption({ value: String(before.version + 1) });
    await history.getByLabel("to", { exact: true }).selectOption({ value: String(before.version + 3) });
    await expectText(history.locator(".plan-diff"), "Rules of engagement: (none) → Register every deal in the portal first", "the diff");
    await expectText(history.locator(".plan-diff"), `Their objectives: (none) → Add a services line`, "the diff's second field");
  });

  it("shows one line in the Gmail sidebar, and a review from there records the meeting, a new plan version and the review", async () => {
    const b = browser();
    await b.openThread("B");
    const card = b.partnerCard(globex.name);
    await expectVisible(card, `the "${globex.name}" card`);
    const section = card.getByRole("region", { name: "Partnership plan" });
    const line = section.locator("button.plan-toggle");
    await expectText(line, "Plan not reviewed yet · renews 2027-03-01", "the folded plan line");
    expect(await line.getAttribute("aria-expanded")).toBe("false");
    await line.click();
    await expectVisible(section.getByRole("link", { name: agreement.title }), "the agreement as a link");
    expect(await section.getByRole("link", { name: agreement.title }).getAttribute("href")).toBe(agreement.url);

    const before = await api.get<PlanResource>(planPath);
    await section.getByRole("button", { name: "Review the plan" }).click();
    const form = section.getByRole("form", { name: `Meeting notes with ${globex.name}` });
    await expectVisible(form, "the review's meeting form");
    expect(await form.getByLabel("Title", { exact: true }).inputValue()).toBe(`Plan review with ${globex.name}`);
    const agenda = await form.getByLabel("Agenda").inputValue();
    for (const heading of ["Goals vs pace:", "Promises kept, both ways:", "Referrals vs targets:", "Fees due vs paid:", "Contact vs cadence:", "Roles vs what each side did:"]) {
      expect(agenda).toContain(heading);
    }
    expect(agenda).toContain("- We: plan says Technical enablement, Co-marketing");
    await form.getByLabel("Review every (days)").fill("60");
    await form.getByLabel("Milestone done: First joint deal").check();
    await form.getByRole("button", { name: "Add action item" }).click();
    await form.getByLabel("Action 1", { exact: true }).fill("Send the co-marketing calendar");
    await form.getByRole("button", { name: "Save notes" }).click();
    await expectText(b.announcement(), "Plan review saved: meeting, promises and plan recorded.", "the announcement");

    const meeting = (await api.list<Meeting>(`/v1/partners/${globex.id}/meetings`)).find((m) => m.title === `Plan review with ${globex.name}`);
    expect(meeting, "the review's meeting").toBeDefined();
    expect(meeting!.agenda).toBe(agenda);
    const plan = await api.get<PlanResource>(planPath);
    expect(plan.version).toBe(before.version + 1);
    expect(plan.plan.last_reviewed_at).toBe(meeting!.occurred_at);
    expect(plan.review_every_days).toBe(60);
    expect(plan.plan.milestones).toEqual([{ title: "First joint deal", done: true }]);
    const [newest] = (await api.get<{ items: PlanVersion[] }>(`${planPath}/history?limit=1`)).items;
    expect(newest).toMatchObject({ version: plan.version, meeting_id: meeting!.id });
    const actions = (await api.list<Commitment>(`/v1/commitments?partner_id=${globex.id}`)).filter((c) => c.meeting_id === meeting!.id);
    expect(actions.map((c) => c.title)).toEqual(["Send the co-marketing calendar"]);
    await expectText(line, "Plan reviewed today · renews 2027-03-01", "the line after the review");
  });
});
