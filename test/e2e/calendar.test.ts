/**
 * Google Calendar: an event page at its real https://calendar.google.com/
 * address, with a partner's people among the guests, opens the sidebar on
 * that partner with meeting notes ready, prefilled from the event; saving
 * links the notes to the event; opening the event again, from its page or
 * from its details dialog over the grid, continues the same notes. Checked
 * in the API's own data: one meeting for the event.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient, type Commitment, type Meeting } from "./harness/api.ts";
import { ExtensionBrowser, useExtensionBrowser } from "./harness/browser.ts";
import { e2eEnv } from "./harness/context.ts";
import { expectText, expectVisible, patience } from "./harness/expect.ts";

const env = e2eEnv();
const api = apiClient(env.apiUrl, env.token);
const { acme } = env.seed;
const run = Date.now().toString(36);
// Calendar's event ids are base32hex: a run's own, so a second run never finds the first's notes.
const eventId = `q4review${run.replace(/[^a-v0-9]/g, "0")}`;
const base64url = (text: string) => Buffer.from(text).toString("base64url");
// The event's page as the organiser's link names it: another calendar's eid for the same event than the grid's.
const eventPageUrl = `https://calendar.google.com/calendar/u/0/r/eventedit/${base64url(`${eventId} jo@acme.co.uk`)}`;
const weekUrl = "https://calendar.google.com/calendar/u/0/r/week/2026/12/1";
const fixture = readFileSync(fileURLToPath(new URL("./fixtures/calendar.html", import.meta.url)), "utf8").replaceAll("__EVENT_ID__", eventId);

let browser: ExtensionBrowser | undefined;
useExtensionBrowser(() => browser);

beforeAll(async () => {
  browser = await ExtensionBrowser.launch(env);
  await browser.context.route("https://calendar.google.com/**", (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: fixture }));
  await browser.signIn();
});
afterAll(async () => {
  await browser?.close();
});

async function eventMeetings(): Promise<Meeting[]> {
  return api.list<Meeting>(`/v1/partners/${acme.id}/meetings?calendar_event_id=${encodeURIComponent(eventId)}`);
}

function notesForm() {
  return browser!.partnerCard(acme.name).getByRole("form", { name: `Meeting notes with ${acme.name}` });
}

async function openEventPage(): Promise<void> {
  await browser!.page.goto("about:blank");
  await browser!.page.goto(eventPageUrl);
}

describe("meeting notes from Google Calendar", () => {
  it("opens the partner's meeting notes ready on the event's page, prefilled from the event, and saving links them", async () => {
    await openEventPage();
    const form = notesForm();
    await expectVisible(form, "the meeting notes form, opened by itself");
    await expectVisible(form.getByRole("heading", { name: "Meeting notes", exact: true }), "the form's heading");
    expect(await form.getByLabel("Title", { exact: true }).inputValue()).toBe("Quarterly partner review");
    expect(await form.getByLabel("Date", { exact: true }).inputValue()).toBe("2026-12-01");
    // You and Acme's people; not the guest from a company that is no partner.
    const attendees = (await form.getByLabel("Attendees").inputValue()).split(/[,\s]+/).filter(Boolean);
    expect(attendees).toEqual([env.memberEmail, "jo@acme.co.uk", "sam@sales.acme.co.uk"]);
    expect(await form.getByLabel("Agenda").inputValue()).toContain(acme.overdueTitle);

    await form.getByLabel("Notes", { exact: true }).fill(`Reviewed Q4 ${run}.`);
    await form.getByRole("button", { name: "Add action item", exact: true }).click();
    await form.getByLabel("Action 1", { exact: true }).fill(`Send the Q4 figures ${run}`);
    expect(await form.getByLabel("Owner of action 1").inputValue()).toBe(env.memberEmail);
    await form.getByRole("button", { name: "Add action item", exact: true }).click();
    await form.getByLabel("Action 2", { exact: true }).fill(`Share the pipeline ${run}`);
    await form.getByLabel("Who owes action 2").selectOption({ label: acme.name });
    await form.getByLabel("Owner of action 2").selectOption("sam@sales.acme.co.uk");
    await form.getByRole("button", { name: "Save notes", exact: true }).click();
    await expectText(browser!.announcement(), 'Meeting notes "Quarterly partner review": saved.', "the announcement");

    const meetings = await eventMeetings();
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({
      title: "Quarterly partner review", calendar_event_id: eventId, notes: `Reviewed Q4 ${run}.`,
      occurred_at: new Date(2026, 11, 1, 10, 0).toISOString(), attendees: [env.memberEmail, "jo@acme.co.uk", "sam@sales.acme.co.uk"],
    });
    const actions = (await api.list<Commitment>(`/v1/commitments?partner_id=${acme.id}`)).filter((item) => item.meeting_id === meetings[0]!.id);
    expect(actions.map(({ title, owed_by, owner_email }) => ({ title, owed_by, owner_email })).sort((a, b) => a.title.localeCompare(b.title))).toEqual([
      { title: `Send the Q4 figures ${run}`, owed_by: "us", owner_email: env.memberEmail },
      { title: `Share the pipeline ${run}`, owed_by: "partner", owner_email: "sam@sales.acme.co.uk" },
    ]);
  });

  it("opening the event again continues the same notes: one meeting, changed in place", async () => {
    await openEventPage();
    const form = notesForm();
    await expectVisible(form.getByRole("heading", { name: "Meeting notes (continued)", exact: true }), "the continued form's heading");
    expect(await form.getByLabel("Notes", { exact: true }).inputValue()).toBe(`Reviewed Q4 ${run}.`);
    await form.getByLabel("Notes", { exact: true }).fill(`Reviewed Q4 ${run}. Jo confirmed the January webinar.`);
    await form.getByRole("button", { name: "Save notes", exact: true }).click();
    await expectText(browser!.announcement(), 'Meeting notes "Quarterly partner review": saved.', "the announcement");

    await expect.poll(async () => (await eventMeetings()).map((meeting) => meeting.notes), patience)
      .toEqual([`Reviewed Q4 ${run}. Jo confirmed the January webinar.`]);
    const all = (await api.list<Meeting>(`/v1/partners/${acme.id}/meetings`)).filter((meeting) => meeting.title === "Quarterly partner review");
    expect(all).toHaveLength(1);
  });

  it("from the grid, the event's details dialog opens the same notes, and closing it leaves nothing to show", async () => {
    const b = browser!;
    await b.page.goto("about:blank");
    await b.page.goto(weekUrl);
    await b.page.locator("[data-eventchip]").click();
    const form = notesForm();
    await expectVisible(form.getByRole("heading", { name: "Meeting notes (continued)", exact: true }), "the continued form, from the dialog");
    expect(await form.getByLabel("Notes", { exact: true }).inputValue()).toContain("Jo confirmed the January webinar.");
    await b.page.getByRole("button", { name: "Close" }).click();
    // Nothing to show once the dialog is closed: the sidebar folds itself to its tab.
    await expectVisible(b.foldedTab(), "the sidebar folded to its tab once the dialog is closed");
    expect(await eventMeetings()).toHaveLength(1);
  });
});
