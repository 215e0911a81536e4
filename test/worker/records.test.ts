import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { commitment, contact, goal, interaction, referral } from "../../shared/schemas/index.ts";
import { acmePartner, api, newWorkspace, type TestCaller } from "./api-client.ts";

async function partnerIn(caller: TestCaller) {
  return (await api(caller, "POST", "/v1/partners", { body: acmePartner })).body.id as string;
}

describe("contacts", () => {
  it("adds, lists, reads and edits a contact; one person belongs to one partner", async () => {
    const caller = await newWorkspace();
    const partnerId = await partnerIn(caller);
    const created = await api(caller, "POST", `/v1/partners/${partnerId}/contacts`, {
      body: { email: "Jo.Bloggs@Sales.Acme.co.uk", name: "Jo Bloggs", title: "Partner manager" },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(contact.parse(created.body).email).toBe("jo.bloggs@sales.acme.co.uk");
    const other = (await api(caller, "POST", "/v1/partners", { body: { name: "Globex", kind: "si" } })).body.id;
    const duplicate = await api(caller, "POST", `/v1/partners/${other}/contacts`, { body: { email: "jo.bloggs@sales.acme.co.uk" } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.issues[0]).toEqual({ path: "email", message: "jo.bloggs@sales.acme.co.uk is already a contact at Acme Cloud Partners" });
    const listed = await api(caller, "GET", `/v1/partners/${partnerId}/contacts`);
    expect(listed.body.items).toHaveLength(1);
    const edited = await api(caller, "PATCH", `/v1/contacts/${created.body.id}`, { body: { title: "Head of alliances" } });
    expect(edited.body).toMatchObject({ title: "Head of alliances", version: 2, name: "Jo Bloggs" });
    expect((await api(caller, "GET", `/v1/contacts/${created.body.id}`)).body.title).toBe("Head of alliances");
  });
});

describe("interactions", () => {
  it("keeps the partner's last contact at the newest interaction, even when an old one is edited", async () => {
    const caller = await newWorkspace();
    const partnerId = await partnerIn(caller);
    const first = await api(caller, "POST", `/v1/partners/${partnerId}/interactions`, {
      body: { kind: "meeting", direction: "both", occurred_at: "2026-09-01T09:00:00-04:00", summary: "QBR", participants: ["Jo@Acme.co.uk"], source_url: "https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKxwz" },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(interaction.parse(first.body)).toMatchObject({ occurred_at: "2026-09-01T13:00:00.000Z", participants: ["jo@acme.co.uk"] });
    await api(caller, "POST", `/v1/partners/${partnerId}/interactions`, { body: { kind: "email", direction: "inbound", occurred_at: "2026-10-01T09:00:00Z" } });
    const lastContact = async () => (await api(caller, "GET", `/v1/partners/${partnerId}`)).body.last_contact_at;
    expect(await lastContact()).toBe("2026-10-01T09:00:00.000Z");
    await api(caller, "PATCH", `/v1/interactions/${first.body.id}`, { body: { occurred_at: "2026-10-15T09:00:00Z" } });
    expect(await lastContact()).toBe("2026-10-15T09:00:00.000Z");
    const listed = await api(caller, "GET", `/v1/partners/${partnerId}/interactions?limit=1`);
    expect(listed.body.items[0].id).toBe(first.body.id);
    const next = await api(caller, "GET", `/v1/partners/${partnerId}/interactions?limit=1&cursor=${listed.body.next_cursor}`);
    expect(next.body.items[0].kind).toBe("email");
    expect(next.body.next_cursor).toBeNull();
  });

  it("names a bad time and a non-http source link", async () => {
    const caller = await newWorkspace();
    const partnerId = await partnerIn(caller);
    const response = await api(caller, "POST", `/v1/partners/${partnerId}/interactions`, {
      body: { kind: "email", direction: "sideways", occurred_at: "yesterday", source_url: "javascript:alert(1)" },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(["direction", "occurred_at", "source_url"]);
  });
});

describe("commitments", () => {
  it("stamps completion when done, clears it when reopened, and refuses a completion time on an open promise", async () => {
    const caller = await newWorkspace();
    const partnerId = await partnerIn(caller);
    const created = await api(caller, "POST", `/v1/partners/${partnerId}/commitments`, {
      body: { title: "Send the joint pitch deck", owed_by: "us", due_on: "2026-11-27", owner_email: "alex@northwind.example" },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(commitment.parse(created.body)).toMatchObject({ status: "open", completed_at: null });
    const done = await api(caller, "PATCH", `/v1/commitments/${created.body.id}`, { body: { status: "done" } });
    expect(done.body.status).toBe("done");
    expect(Date.parse(done.body.completed_at)).toBeGreaterThan(Date.now() - 60_000);
    const reopened = await api(caller, "PATCH", `/v1/commitments/${created.body.id}`, { body: { status: "open" } });
    expect(reopened.body.completed_at).toBeNull();
    const bad = await api(caller, "PATCH", `/v1/commitments/${created.body.id}`, { body: { completed_at: "2026-11-01T00:00:00Z" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe("completed_at");
  });

  it("imports a promise kept in the past with its real times", async () => {
    const caller = await newWorkspace();
    const partnerId = await partnerIn(caller);
    const created = await api(caller, "POST", `/v1/partners/${partnerId}/commitments`, {
      body: { title: "Register the Q2 deal", owed_by: "partner", due_on: "2026-04-10", status: "done", completed_at: "2026-04-08T16:00:00Z", created_at: "2026-04-01T09:00:00Z" },
    });
    expect(created.body).toMatchObject({ completed_at: "2026-04-08T16:00:00.000Z", created_at: "2026-04-01T09:00:00.000Z" });
  });

  it("rejects an impossible due date", async () => {
    const caller = await newWorkspace();
    const partnerId = await partnerIn(caller);
    const response = await api(caller, "POST", `/v1/partners/${partnerId}/commitments`, { body: { title: "x", owed_by: "us", due_on: "2026-02-30" } });
    expect(response.status).toBe(400);
    expect(response.body.error.issues[0].path).toBe("due_on");
  });

  it("lists across partners: filters by status, side and overdue, soonest first", async () => {
    const caller = await newWorkspace();
    const acme = await partnerIn(caller);
    const globex = (await api(caller, "POST", "/v1/partners", { body: { name: "Globex", kind: "si" } })).body.id;
    const add = (partnerId: string, title: string, owed_by: string, due_on: string | null, status = "open") =>
      api(caller, "POST", `/v1/partners/${partnerId}/commitments`, { body: { title, owed_by, due_on, status } });
    await add(acme, "Overdue ours", "us", "2020-01-10");
    await add(globex, "Overdue theirs", "partner", "2020-02-10");
    await add(acme, "Future ours", "us", "2099-01-01");
    await add(globex, "Undated ours", "us", null);
    await add(acme, "Done ours", "us", "2020-01-01", "done");
    const all = await api(caller, "GET", "/v1/commitments");
    expect(all.body.items.map((c: { title: string }) => c.title)).toEqual(["Done ours", "Overdue ours", "Overdue theirs", "Future ours", "Undated ours"]);
    const overdue = await api(caller, "GET", "/v1/commitments?overdue=true");
    expect(overdue.body.items.map((c: { title: string; overdue: boolean }) => [c.title, c.overdue])).toEqual([["Overdue ours", true], ["Overdue theirs", true]]);
    const oursOpen = await api(caller, "GET", "/v1/commitments?status=open&owed_by=us&limit=2");
    expect(oursOpen.body.items.map((c: { title: string }) => c.title)).toEqual(["Overdue ours", "Future ours"]);
    const rest = await api(caller, "GET", `/v1/commitments?status=open&owed_by=us&limit=2&cursor=${oursOpen.body.next_cursor}`);
    expect(rest.body.items.map((c: { title: string }) => c.title)).toEqual(["Undated ours"]);
    const bad = await api(caller, "GET", "/v1/commitments?overdue=maybe");
    expect(bad.body.error.issues[0].path).toBe("overdue");
  });
});

describe("referrals", () => {
  it("records every stage change with its time; a repeated stage is a no-op", async () => {
    const caller = await newWorkspace();
    const partnerId = await partnerIn(caller);
    const created = await api(caller, "POST", `/v1/partners/${partnerId}/referrals`, {
      body: { direction: "to_us", account_name: "Initech", amount_minor: 4_500_000, currency: "GBP", submitted_at: "2026-10-01T10:00:00Z" },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(referral.parse(created.body).stage_history).toEqual([{ stage: "submitted", at: "2026-10-01T10:00:00.000Z" }]);
    const accepted = await api(caller, "PATCH", `/v1/referrals/${created.body.id}`, { body: { stage: "accepted", at: "2026-10-03T10:00:00Z" } });
    expect(accepted.body.stage).toBe("accepted");
    const again = await api(caller, "PATCH", `/v1/referrals/${created.body.id}`, { body: { stage: "accepted" } });
    expect(again.body.stage_history).toHaveLength(2);
    const backwards = await api(caller, "PATCH", `/v1/referrals/${created.body.id}`, { body: { stage: "won", at: "2026-10-02T00:00:00Z" } });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.issues[0].path).toBe("at");
    const won = await api(caller, "PATCH", `/v1/referrals/${created.body.id}`, { body: { stage: "won" } });
    expect(won.body.stage_history.map((change: { stage: string }) => change.stage)).toEqual(["submitted", "accepted", "won"]);
    const lonelyAt = await api(caller, "PATCH", `/v1/referrals/${created.body.id}`, { body: { at: "2026-11-01T00:00:00Z" } });
    expect(lonelyAt.body.error.issues[0].path).toBe("at");
  });

  it("imports a full history, checking its order and its last stage", async () => {
    const caller = await newWorkspace();
    const partnerId = await partnerIn(caller);
    const history = [
      { stage: "submitted", at: "2026-03-01T00:00:00Z" },
      { stage: "accepted", at: "2026-03-09T00:00:00Z" },
      { stage: "lost", at: "2026-05-01T00:00:00Z" },
    ];
    const imported = await api(caller, "POST", `/v1/partners/${partnerId}/referrals`, { body: { direction: "to_partner", account_name: "Hooli", stage_history: history } });
    expect(imported.body).toMatchObject({ stage: "lost", submitted_at: "2026-03-01T00:00:00.000Z" });
    const disordered = await api(caller, "POST", `/v1/partners/${partnerId}/referrals`, {
      body: { direction: "to_partner", account_name: "Hooli", stage_history: [history[0], history[2], history[1]] },
    });
    expect(disordered.body.error.issues[0].path).toBe("stage_history.2.at");
    const mismatch = await api(caller, "POST", `/v1/partners/${partnerId}/referrals`, { body: { direction: "to_partner", account_name: "Hooli", stage: "won", stage_history: history } });
    expect(mismatch.body.error.issues[0].path).toBe("stage");
    const noCurrency = await api(caller, "POST", `/v1/partners/${partnerId}/referrals`, { body: { direction: "to_us", account_name: "Hooli", amount_minor: 100 } });
    expect(noCurrency.body.error.issues[0].path).toBe("currency");
  });
});

describe("goals", () => {
  it("tracks target, progress, milestones and review date", async () => {
    const caller = await newWorkspace();
    const partnerId = await partnerIn(caller);
    const created = await api(caller, "POST", `/v1/partners/${partnerId}/goals`, {
      body: { title: "Co-sell pipeline", metric: "pipeline_gbp", target: 500000, current: 120000, due_on: "2027-03-31", milestones: [{ title: "Joint webinar", due_on: "2026-12-10" }] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(goal.parse(created.body).milestones).toEqual([{ title: "Joint webinar", due_on: "2026-12-10", done: false }]);
    const reviewed = await api(caller, "PATCH", `/v1/goals/${created.body.id}`, { body: { current: 260000, last_reviewed_at: "2026-11-20T15:00:00Z" } });
    expect(reviewed.body).toMatchObject({ current: 260000, last_reviewed_at: "2026-11-20T15:00:00.000Z", target: 500000, version: 2 });
  });
});

describe("meetings", () => {
  it("writes the meeting, its interaction and one commitment per action item in one go", async () => {
    const caller = await newWorkspace();
    const partnerId = await partnerIn(caller);
    const saved = await api(caller, "POST", `/v1/partners/${partnerId}/meetings`, {
      body: {
        title: "Quarterly business review", occurred_at: "2026-11-20T14:00:00Z",
        attendees: ["jo@acme.co.uk", "alex@northwind.example"], agenda: "Pipeline; MDF request",
        notes: "Good quarter.", decisions: ["Run a joint webinar in December"],
        action_items: [
          { title: "Send webinar brief", owed_by: "us", due_on: "2026-11-27" },
          { title: "Share customer list", owed_by: "partner", due_on: "2026-12-01", owner_email: "jo@acme.co.uk" },
        ],
      },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body.commitments.map((c: { owed_by: string; meeting_id: string }) => [c.owed_by, c.meeting_id])).toEqual([
      ["us", saved.body.meeting.id], ["partner", saved.body.meeting.id],
    ]);
    expect(saved.body.interaction).toMatchObject({ kind: "meeting", direction: "both", meeting_id: saved.body.meeting.id });
    const partner = await api(caller, "GET", `/v1/partners/${partnerId}`);
    expect(partner.body.last_contact_at).toBe("2026-11-20T14:00:00.000Z");
    const edited = await api(caller, "PATCH", `/v1/meetings/${saved.body.meeting.id}`, { body: { notes: "Good quarter. Webinar agreed." } });
    expect(edited.body.notes).toBe("Good quarter. Webinar agreed.");
    const listed = await api(caller, "GET", `/v1/partners/${partnerId}/meetings`);
    expect(listed.body.items).toHaveLength(1);
    const audit = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE workspace_id = ? AND action = 'create'").bind(caller.workspaceId).first<{ n: number }>();
    expect(audit!.n).toBe(1 + 1 + 1 + 2); // partner, meeting, interaction, two commitments
  });
});
