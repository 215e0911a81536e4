import type { DemoPartner } from "./demo-partners.ts";
import type {
  CommitmentRow, DemoTables, InteractionRow, MeetingRow, PartnerRow, ReferralRow, ReferralStage,
} from "./demo-rows.ts";
import {
  commitmentTitles, goalMilestones, goalTemplates, interactionSummaries, meetingDetails, referralAccounts,
} from "./demo-text.ts";
import type { IdPrefix } from "../shared/ids.ts";
import { salesforceKey, toEighteenCharacterId } from "../shared/salesforce-id.ts";
import type { SeededRandom } from "./seeded-random.ts";

export interface HistoryContext {
  workspaceId: string;
  /** Our people's emails; the first is the default partner owner. */
  team: readonly string[];
  nowMs: number;
  random: SeededRandom;
  /** The partner's position in the workspace: part of every id, so ids never repeat. */
  index: number;
}

const idAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";

/** Fixed-width base 32, in the ids' alphabet. */
function base32(value: number, width: number): string {
  let text = "";
  for (let rest = value, i = 0; i < width; i++, rest = Math.floor(rest / 32)) text = idAlphabet.charAt(rest % 32) + text;
  return text;
}

const dayMs = 86_400_000;

/**
 * Appends one partner and its whole history to `tables`. Every time is
 * before `now` except due dates and renewals, which may lie ahead.
 */
export function appendPartnerHistory(tables: DemoTables, partner: DemoPartner, context: HistoryContext): void {
  const { workspaceId, team, nowMs, random, index } = context;
  const profile = partner.profile;
  // Unique by construction (partner index, then a counter), random after:
  // seeded streams of different partners can overlap, so random alone repeats
  // ids at 100k partners.
  let counter = 0;
  // (24 random characters are still drawn, so the rest of the data is unchanged.)
  const newId = (prefix: IdPrefix) => `${prefix}_${base32(index, 6)}${base32(counter++, 3)}${random.text(24).slice(9)}`;
  /** A working-hours instant on the day `daysAgo` days before now, never after now. */
  const instantDaysAgo = (daysAgo: number): number => {
    const day = Math.floor((nowMs - daysAgo * dayMs) / dayMs) * dayMs;
    const at = day + (8 * 60 + random.int(0, 9 * 60)) * 60_000;
    return at < nowMs ? at : nowMs - random.int(5, 180) * 60_000;
  };
  const iso = (ms: number) => new Date(ms).toISOString();
  const date = (ms: number) => iso(ms).slice(0, 10);
  const ownerEmail = random.chance(0.7) ? team[0]! : random.pick(team);
  const firstName = (name: string) => name.split(" ")[0]!;

  const partnerId = newId("ptr");
  const createdMs = instantDaysAgo(profile.startDaysAgo);
  const visibility = partner.visibility;
  if (partner.salesforceId15 !== null && partner.salesforceId15.length !== 15) {
    throw new Error(`${partner.name}: salesforceId15 must have 15 characters`);
  }
  const salesforceId = partner.salesforceId15 ? toEighteenCharacterId(partner.salesforceId15) : null;

  const contacts = partner.contacts.map((contact) => {
    const email = contact.email ??
      `${contact.name.toLowerCase().replace(/[^a-z ]/g, "").replace(" ", ".")}@${partner.domains[0]}`;
    const at = iso(createdMs + random.int(0, 3) * dayMs);
    tables.contacts.push({
      id: newId("con"), workspace_id: workspaceId, partner_id: partnerId, email, name: contact.name,
      title: contact.title, phone: contact.phone ?? null, visibility, version: 1, created_at: at, updated_at: at,
    });
    return { email, firstName: firstName(contact.name) };
  });
  const fill = (text: string, contactName: string) =>
    text.replaceAll("{partner}", partner.name).replaceAll("{contact}", contactName);

  // Interactions: the last one exactly lastContactDaysAgo, the rest spread before it.
  const interactionTimes: number[] = [];
  const quietFrom = profile.lastContactDaysAgo;
  for (let i = 0; i < profile.interactions; i++) {
    const daysAgo = i === 0 ? quietFrom : random.int(Math.min(quietFrom + 1, profile.startDaysAgo), profile.startDaysAgo);
    interactionTimes.push(Math.max(instantDaysAgo(daysAgo), createdMs));
  }
  interactionTimes.sort((a, b) => a - b);
  const meetings: MeetingRow[] = [];
  let lastContactMs: number | null = null;
  for (const occurredMs of interactionTimes) {
    const contact = random.pick(contacts);
    const us = random.chance(0.6) ? ownerEmail : random.pick(team);
    const roll = random.next();
    const kind: InteractionRow["kind"] = profile.interactions === 1 ? "email"
      : roll < profile.meetingShare ? "meeting"
      : roll < profile.meetingShare + 0.45 ? "email"
      : roll < profile.meetingShare + 0.65 ? "call"
      : roll < profile.meetingShare + 0.75 ? "event" : "note";
    const inbound = random.chance(profile.inboundShare);
    const direction: InteractionRow["direction"] = kind === "meeting" || kind === "event" ? "both"
      : kind === "note" ? "outbound" : inbound ? "inbound" : "outbound";
    const summaries = kind === "email" ? interactionSummaries[direction === "inbound" ? "inbound" : "outbound"]
      : interactionSummaries[kind];
    const participants = kind === "note" ? [us] : [contact.email, us];
    const at = iso(occurredMs);
    const interaction: InteractionRow = {
      id: newId("int"), workspace_id: workspaceId, partner_id: partnerId, kind, direction, occurred_at: at,
      summary: fill(random.pick(summaries), contact.firstName), participants_json: JSON.stringify(participants),
      source_url: kind === "email" ? `https://mail.google.com/mail/u/0/#all/${random.text(16)}` : null,
      meeting_id: null, visibility: kind === "note" ? "private" : visibility, version: 1, created_at: at, updated_at: at,
    };
    if (kind === "meeting") {
      const detail = random.pick(meetingDetails);
      const attendees = [us, ...contacts.slice(0, random.int(1, contacts.length)).map((c) => c.email)];
      const meeting: MeetingRow = {
        id: newId("mtg"), workspace_id: workspaceId, partner_id: partnerId,
        title: `${detail.title}: ${partner.name}`, occurred_at: at, attendees_json: JSON.stringify(attendees),
        agenda: detail.agenda, notes: detail.notes, decisions_json: JSON.stringify(detail.decisions),
        source_url: null, interaction_id: interaction.id, visibility, version: 1, created_at: at, updated_at: at,
      };
      interaction.meeting_id = meeting.id;
      interaction.participants_json = meeting.attendees_json;
      meetings.push(meeting);
    }
    tables.interactions.push(interaction);
    lastContactMs = lastContactMs === null ? occurredMs : Math.max(lastContactMs, occurredMs);
  }
  tables.meetings.push(...meetings);

  // Commitments: kept on time, kept late, missed (open and overdue), or not yet due.
  const commitment = (owedBy: CommitmentRow["owed_by"], onTime: number) => {
    const meeting = meetings.length > 0 && random.chance(0.35) ? random.pick(meetings) : null;
    const createdAtMs = Math.min(nowMs - 7_200_000, meeting
      ? Date.parse(meeting.occurred_at) + 3_600_000
      : instantDaysAgo(random.int(Math.max(quietFrom, 1), Math.max(profile.startDaysAgo, 2))));
    const dueMs = createdAtMs + random.int(7, 30) * dayMs;
    let status: CommitmentRow["status"] = "open";
    let completedMs: number | null = null;
    if (dueMs >= nowMs) {
      if (random.chance(0.25)) { status = "done"; completedMs = createdAtMs + random.int(1, 48) * 3_600_000; }
    } else if (random.chance(0.05)) {
      status = "cancelled";
    } else if (random.chance(onTime)) {
      status = "done";
      completedMs = createdAtMs + Math.floor(random.next() * (dueMs - createdAtMs));
    } else if (!random.chance(1 - onTime)) {
      // A missed promise that was kept late; the rest stay open and overdue.
      const lateMs = dueMs + random.int(2, 20) * dayMs;
      if (lateMs < nowMs) { status = "done"; completedMs = lateMs; }
    }
    if (completedMs !== null) {
      completedMs = Math.max(createdAtMs, Math.min(Math.floor(completedMs / 60_000) * 60_000, nowMs - 60_000));
    }
    const createdAt = iso(createdAtMs);
    const completedAt = completedMs === null ? null : iso(completedMs);
    tables.commitments.push({
      id: newId("cmt"), workspace_id: workspaceId, partner_id: partnerId,
      title: random.pick(commitmentTitles[owedBy]), owed_by: owedBy,
      owner_email: owedBy === "us" ? ownerEmail : random.pick(contacts).email, due_on: date(dueMs), status,
      completed_at: completedAt, source_url: null, meeting_id: meeting?.id ?? null, visibility, version: 1,
      created_at: createdAt, updated_at: completedAt ?? createdAt,
    });
  };
  for (let i = 0; i < profile.ourCommitments; i++) commitment("us", profile.ourOnTime);
  for (let i = 0; i < profile.theirCommitments; i++) commitment("partner", profile.theirOnTime);

  // Referrals: the receiving side answers after its usual delay; won or lost later.
  const referral = (direction: ReferralRow["direction"]) => {
    const [fastest, slowest] = direction === "to_us" ? profile.ourResponseDays : profile.theirResponseDays;
    const submittedMs = instantDaysAgo(random.int(Math.max(quietFrom, 2), Math.max(profile.startDaysAgo - 3, 2)));
    const history: { stage: ReferralStage; at: string }[] = [{ stage: "submitted", at: iso(submittedMs) }];
    const answeredMs = submittedMs + random.int(fastest, slowest) * dayMs + random.int(1, 8) * 3_600_000;
    if (answeredMs < nowMs) {
      const accepted = random.chance(0.8);
      history.push({ stage: accepted ? "accepted" : "rejected", at: iso(answeredMs) });
      const closedMs = answeredMs + random.int(15, 80) * dayMs;
      if (accepted && closedMs < nowMs) {
        history.push({ stage: random.chance(profile.winRate) ? "won" : "lost", at: iso(closedMs) });
      }
    }
    const last = history[history.length - 1]!;
    const priced = random.chance(0.85);
    const contact = random.pick(contacts);
    tables.referrals.push({
      id: newId("ref"), workspace_id: workspaceId, partner_id: partnerId, direction,
      account_name: random.pick(referralAccounts), amount_minor: priced ? random.int(20, 600) * 50_000 : null,
      currency: priced ? partner.currency : null, stage: last.stage, submitted_at: history[0]!.at,
      stage_history_json: JSON.stringify(history),
      notes: random.chance(0.4) ? `Warm introduction through ${contact.firstName}.` : null,
      visibility, version: 1, created_at: history[0]!.at, updated_at: last.at,
    });
  };
  for (let i = 0; i < profile.referralsToUs; i++) referral("to_us");
  for (let i = 0; i < profile.referralsToPartner; i++) referral("to_partner");

  for (let g = 0; g < profile.goals; g++) {
    const template = goalTemplates[(partner.name.length + g) % goalTemplates.length]!;
    const goalCreatedMs = createdMs + random.int(3, 20) * dayMs;
    const dueMs = nowMs + random.int(30, 150) * dayMs;
    const current = Math.round(template.target * profile.goalProgress * (0.9 + random.next() * 0.2));
    const milestones = [0, 1, 2].map((step) => {
      const milestoneDueMs = goalCreatedMs + Math.floor(((step + 1) / 3) * (dueMs - goalCreatedMs));
      return {
        title: goalMilestones[(g * 3 + step) % goalMilestones.length]!,
        due_on: date(milestoneDueMs),
        done: step < Math.round(profile.goalProgress * 3),
      };
    });
    const reviewedMs = Math.max(instantDaysAgo(profile.goalReviewedDaysAgo), goalCreatedMs);
    const reviewed = reviewedMs < nowMs ? iso(reviewedMs) : null;
    tables.goals.push({
      id: newId("gol"), workspace_id: workspaceId, partner_id: partnerId, title: template.title,
      metric: template.metric, target: template.target, current, due_on: date(dueMs),
      milestones_json: JSON.stringify(milestones), last_reviewed_at: reviewed, visibility, version: 1,
      created_at: iso(Math.min(goalCreatedMs, nowMs - 60_000)), updated_at: reviewed ?? iso(Math.min(goalCreatedMs, nowMs - 60_000)),
    });
  }

  const plan = partner.renewalInDays === null && partner.marginPercent === null && partner.referralFeePercent === null
    ? {}
    : planFor(partner, date(nowMs + (partner.renewalInDays ?? 365) * dayMs));
  const row: PartnerRow = {
    id: partnerId, workspace_id: workspaceId, name: partner.name, kind: partner.kind, tier: partner.tier,
    status: partner.status, cadence_days: partner.cadenceDays, owner_email: ownerEmail,
    business_model: partner.businessModel, objectives: partner.objectives, plan_json: JSON.stringify(plan),
    salesforce_account_id: salesforceId, salesforce_key: salesforceId ? salesforceKey(salesforceId) : null,
    hubspot_company_id: partner.hubspotCompanyId, visibility, version: 1, created_at: iso(createdMs),
    updated_at: iso(lastContactMs ?? createdMs), archived_at: null,
    last_contact_at: lastContactMs === null ? null : iso(lastContactMs), health_score: null,
  };
  tables.partners.push(row);
  for (const domain of partner.domains) tables.partner_domains.push({ workspace_id: workspaceId, domain, partner_id: partnerId });
}

function planFor(partner: DemoPartner, renewalOn: string) {
  const slug = partner.domains[0]!.split(".")[0];
  const terms: { margin_percent?: number; referral_fee_percent?: number } = {};
  if (partner.marginPercent !== null) terms.margin_percent = partner.marginPercent;
  if (partner.referralFeePercent !== null) terms.referral_fee_percent = partner.referralFeePercent;
  const sells = partner.kind === "reseller" || partner.kind === "distributor" || partner.kind === "msp";
  return {
    our_roles: ["Product training and certification", "Deal registration within 2 business days", "Co-marketing funds"],
    partner_roles: sells
      ? ["Resell and support customers", "Quarterly pipeline report"]
      : ["Implementation and integration", "Refer qualified accounts"],
    terms,
    documents: [
      { title: "Partner agreement", url: `https://files.northwind-cloud.com/partners/${slug}/agreement.pdf` },
      { title: "Joint business plan", url: `https://files.northwind-cloud.com/partners/${slug}/plan` },
    ],
    renewal_on: renewalOn,
  };
}
