/**
 * Writing from the sidebar: each form's result is checked in the API's own
 * data, not only on screen.
 */
import { describe, expect, it } from "vitest";
import { relativeDay } from "../../shared/display-format.ts";
import { apiClient, type Commitment, type Contact, type Meeting, type Partner } from "./harness/api.ts";
import { useSignedInBrowser } from "./harness/browser.ts";
import { e2eEnv } from "./harness/context.ts";
import { expectAbsent, expectText, expectVisible, patience } from "./harness/expect.ts";
import { thread, threadUrl } from "./harness/mailbox.ts";
import { utcDate } from "./harness/seed.ts";

const env = e2eEnv();
const api = apiClient(env.apiUrl, env.token);
const { acme } = env.seed;
const run = Date.now().toString(36);
const browser = useSignedInBrowser(env);

/** The user's own calendar date, `days` on (the browser runs in this process's time zone). */
function localDate(days = 0): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

/** "Friday" means the next Friday after today (a week on, when today is Friday). */
function nextFriday(): string {
  for (let days = 1; days <= 7; days += 1) {
    const date = new Date();
    date.setDate(date.getDate() + days);
    if (date.getDay() === 5) return localDate(days);
  }
  throw new Error("unreachable");
}

async function openAcme() {
  const b = browser();
  await b.openThread("A");
  const card = b.partnerCard(acme.name);
  await expectVisible(card, `the "${acme.name}" card`);
  return card;
}

async function acmeCommitments(): Promise<Commitment[]> {
  return api.list<Commitment>(`/v1/commitments?partner_id=${acme.id}`);
}

describe("Writing from the Gmail sidebar", () => {
  it("logs a promise with a quick-pick due date, and it lands in the API with the thread's URL", async () => {
    const b = browser();
    const card = await openAcme();
    const title = `Send the co-marketing plan ${run}`;
    const friday = nextFriday();

    await card.getByRole("button", { name: "Log a promise", exact: true }).click();
    const form = card.getByRole("form", { name: `Log a promise with ${acme.name}` });
    await expectVisible(form, "the promise form");
    await form.getByLabel("What was promised").fill(title);
    expect(await form.getByRole("radio", { name: "We do" }).isChecked()).toBe(true);
    expect(await form.getByRole("radio", { name: acme.name }).isChecked()).toBe(false);
    await form.getByRole("button", { name: "Friday", exact: true }).click();
    expect(await form.getByLabel("Due", { exact: true }).inputValue()).toBe(friday);
    expect(await form.getByRole("button", { name: "Friday", exact: true }).getAttribute("aria-pressed")).toBe("true");
    // The owner is the signed-in Gmail user, from the page title.
    expect(await form.getByLabel("Owner (email)").inputValue()).toBe(env.memberEmail);
    await form.getByRole("button", { name: "Save promise", exact: true }).click();

    await expectText(b.announcement(), `Promise "${title}": saved.`, "the announcement");
    await expectAbsent(form, "the promise form (closed once saved)");

    const saved = (await acmeCommitments()).filter((commitment) => commitment.title === title);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      title, owed_by: "us", due_on: friday, status: "open", owner_email: env.memberEmail, source_url: threadUrl("A"),
    });

    // The sidebar reads the partner again and lists the new promise.
    const row = card.getByRole("region", { name: "Open commitments" }).locator("li", { hasText: title });
    await expectText(row, `due ${relativeDay(friday, new Date())}`, "the new promise in the sidebar");
  });

  it("saves meeting notes with two action items: one meeting and two promises", async () => {
    const b = browser();
    const card = await openAcme();
    const title = `QBR ${run}`;
    const ourAction = { title: `Send the webinar brief ${run}`, due: utcDate(5) };
    const theirAction = { title: `Share the customer list ${run}`, due: utcDate(9) };

    await card.getByRole("button", { name: "Meeting notes", exact: true }).click();
    const form = card.getByRole("form", { name: `Meeting notes with ${acme.name}` });
    await expectVisible(form, "the meeting notes form");
    expect(await form.getByLabel("Title", { exact: true }).inputValue()).toBe(`Meeting with ${acme.name}`);
    expect(await form.getByLabel("Date", { exact: true }).inputValue()).toBe(localDate());
    // Attendees: you and the people of the thread; not your colleague, not a name in a message body.
    const attendees = (await form.getByLabel("Attendees").inputValue()).split(/[,\s]+/).filter(Boolean);
    expect(attendees.sort()).toEqual([env.memberEmail, "jo@acme.co.uk", "sam@sales.acme.co.uk"].sort());
    // The agenda starts from what is open.
    expect(await form.getByLabel("Agenda").inputValue()).toContain(acme.overdueTitle);

    await form.getByLabel("Title", { exact: true }).fill(title);
    await form.getByLabel("Notes", { exact: true }).fill("Good quarter; MDF approved in principle.");
    await form.getByLabel("Decisions (one per line)").fill("Run a joint webinar in December\nCo-fund the MDF 50/50");
    await form.getByRole("button", { name: "Add action item", exact: true }).click();
    await form.getByRole("button", { name: "Add action item", exact: true }).click();
    await form.getByLabel("Action 1", { exact: true }).fill(ourAction.title);
    await form.getByLabel("Who owes action 1").selectOption({ label: "We do" });
    await form.getByLabel("Action 1 due").fill(ourAction.due);
    await form.getByLabel("Action 2", { exact: true }).fill(theirAction.title);
    await form.getByLabel("Who owes action 2").selectOption({ label: acme.name });
    await form.getByLabel("Action 2 due").fill(theirAction.due);
    await form.getByRole("button", { name: "Save notes", exact: true }).click();

    await expectText(b.announcement(), `Meeting notes "${title}": saved.`, "the announcement");

    const meetings = (await api.list<Meeting>(`/v1/partners/${acme.id}/meetings`)).filter((meeting) => meeting.title === title);
    expect(meetings).toHaveLength(1);
    const meeting = meetings[0]!;
    expect(meeting).toMatchObject({
      notes: "Good quarter; MDF approved in principle.",
      decisions: ["Run a joint webinar in December", "Co-fund the MDF 50/50"],
      source_url: threadUrl("A"),
    });
    expect([...meeting.attendees].sort()).toEqual([env.memberEmail, "jo@acme.co.uk", "sam@sales.acme.co.uk"].sort());
    expect(meeting.agenda).toContain(acme.overdueTitle);
    // Noon of the chosen day, the user's time.
    expect(meeting.occurred_at).toBe(new Date(`${localDate()}T12:00:00`).toISOString());

    const actions = (await acmeCommitments()).filter((commitment) => commitment.meeting_id === meeting.id);
    expect(actions.map(({ title: t, owed_by, due_on, status }) => ({ title: t, owed_by, due_on, status }))
      .sort((a, b2) => a.title.localeCompare(b2.title))).toEqual([
      { title: ourAction.title, owed_by: "us", due_on: ourAction.due, status: "open" },
      { title: theirAction.title, owed_by: "partner", due_on: theirAction.due, status: "open" },
    ].sort((a, b2) => a.title.localeCompare(b2.title)));

    // Both show up in the sidebar, on the right side.
    const commitments = card.getByRole("region", { name: "Open commitments" });
    const group = (heading: string) =>
      commitments.locator(".commitment-group").filter({ has: b.page.getByRole("heading", { name: heading, exact: true }) });
    await expectText(group("You owe"), ourAction.title, `"${ourAction.title}" under "You owe"`);
    await expectText(group(`${acme.name} owes`), theirAction.title, `"${theirAction.title}" under "${acme.name} owes"`);
  });

  it("adds the company of an unknown thread as a partner, with its domain and people", async () => {
    const b = browser();
    await b.openThread("C");
    const sender = thread("C").messages[0]!.from.email; // gavin@hooli.io
    expect(sender.endsWith("@hooli.io")).toBe(true);
    await expectText(b.panel(), "Hooli isn't a partner yet.", "the unknown-company note");
    await b.sidebar().getByRole("button", { name: "Add partner", exact: true }).click();

    const form = b.sidebar().getByRole("form", { name: "Add partner" });
    await expectVisible(form, "the Add partner form");
    expect(await form.getByLabel("Company name").inputValue()).toBe("Hooli");
    expect(await form.getByLabel("Email / web domains").inputValue()).toBe("hooli.io");
    const people = form.getByRole("group", { name: "Add as contacts" }).getByRole("checkbox");
    expect(await people.count()).toBe(2); // not the gmail.com friend, not you
    expect(await form.getByRole("checkbox", { name: "gavin@hooli.io" }).isChecked()).toBe(true);
    expect(await form.getByRole("checkbox", { name: "denpok@hooli.io" }).isChecked()).toBe(true);
    await form.getByLabel("Kind").selectOption({ label: "MSP" });
    await form.getByLabel("Stage").selectOption({ label: "Onboarding" });
    await form.getByRole("button", { name: "Add partner", exact: true }).click();

    await expectVisible(b.partnerCard("Hooli"), 'the new "Hooli" card');

    // By its domain: another file's "Hooli" (hooli.xyz) may share the workspace.
    const partners = (await api.list<Partner>("/v1/partners?q=hooli")).filter((partner) => partner.name === "Hooli" && partner.domains.includes("hooli.io"));
    expect(partners).toHaveLength(1);
    expect(partners[0]).toMatchObject({ domains: ["hooli.io"], kind: "msp", status: "onboarding" });
    await expect.poll(async () => (await api.list<Contact>(`/v1/partners/${partners[0]!.id}/contacts`)).map((c) => c.email).sort(), {
      ...patience, message: "Hooli's contacts",
    }).toEqual(["denpok@hooli.io", "gavin@hooli.io"]);
  });
});
