import type { DemoPartner } from "./demo-partners.ts";
import type { DemoTables, InteractionRow, MeetingRow, PartnerRow } from "./demo-rows.ts";
import { interactionSummaries, meetingDetails } from "./demo-text.ts";
import { appendCommitment, appendGoal, appendReferral } from "./demo-history-records.ts";
import type { IdPrefix } from "../shared/ids.ts";
import { salesforceKey, toEighteenCharacterId } from "../shared/salesforce-id.ts";
import { dayMs, type DemoContact, type HistoryContext, iso, isoDate, type PartnerScope } from "./partner-scope.ts";

export type { HistoryContext } from "./partner-scope.ts";

const idAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";

/** Fixed-width base 32, in the ids' alphabet. */
function base32(value: number, width: number): string {
  let text = "";
  for (let rest = value, i = 0; i < width; i++, rest = Math.floor(rest / 32)) text = idAlphabet.charAt(rest % 32) + text;
  return text;
}

/** The random draws happen in this order (owner, id, start), so the same seed gives the same rows. */
function openScope(tables: DemoTables, partner: DemoPartner, context: HistoryContext): PartnerScope {
  const { team, nowMs, random, index } = context;
  // Unique by construction (partner index, then a counter), random after:
  // seeded streams of different partners can overlap, so random alone repeats
  // ids at 100k partners.
  let counter = 0;
  // (24 random characters are still drawn, so the rest of the data is unchanged.)
  const newId = (prefix: IdPrefix) => `${prefix}_${base32(index, 6)}${base32(counter++, 3)}${random.text(24).slice(9)}`;
  const instantDaysAgo = (daysAgo: number): number => {
    const day = Math.floor((nowMs - daysAgo * dayMs) / dayMs) * dayMs;
    const at = day + (8 * 60 + random.int(0, 9 * 60)) * 60_000;
    return at < nowMs ? at : nowMs - random.int(5, 180) * 60_000;
  };
  const ownerEmail = random.chance(0.7) ? team[0]! : random.pick(team);
  const partnerId = newId("ptr");
  const createdMs = instantDaysAgo(partner.profile.startDaysAgo);
  return { tables, partner, context, partnerId, createdMs, ownerEmail, quietFrom: partner.profile.lastContactDaysAgo, newId, instantDaysAgo };
}

/**
 * Appends one partner and its whole history to `tables`. Every time is
 * before `now` except due dates and renewals, which may lie ahead.
 */
export function appendPartnerHistory(tables: DemoTables, partner: DemoPartner, context: HistoryContext): void {
  const scope = openScope(tables, partner, context);
  const profile = partner.profile;
  if (partner.salesforceId15 !== null && partner.salesforceId15.length !== 15) {
    throw new Error(`${partner.name}: salesforceId15 must have 15 characters`);
  }
  const contacts = appendContacts(scope);
  const { meetings, lastContactMs } = appendInteractions(scope, contacts);
  for (let i = 0; i < profile.ourCommitments; i++) appendCommitment(scope, contacts, meetings, "us", profile.ourOnTime);
  for (let i = 0; i < profile.theirCommitments; i++) appendCommitment(scope, contacts, meetings, "partner", profile.theirOnTime);
  for (let i = 0; i < profile.referralsToUs; i++) appendReferral(scope, contacts, "to_us");
  for (let i = 0; i < profile.referralsToPartner; i++) appendReferral(scope, contacts, "to_partner");
  for (let g = 0; g < profile.goals; g++) appendGoal(scope, g);
  tables.partners.push(partnerRow(scope, lastContactMs));
  for (const domain of partner.domains) tables.partner_domains.push({ workspace_id: context.workspaceId, domain, partner_id: scope.partnerId });
}

function appendContacts({ tables, partner, context, partnerId, createdMs, newId }: PartnerScope): DemoContact[] {
  return partner.contacts.map((contact) => {
    const email = contact.email ??
      `${contact.name.toLowerCase().replace(/[^a-z ]/g, "").replace(" ", ".")}@${partner.domains[0]}`;
    const at = iso(createdMs + context.random.int(0, 3) * dayMs);
    tables.contacts.push({
      id: newId("con"), workspace_id: context.workspaceId, partner_id: partnerId, email, name: contact.name,
      title: contact.title, phone: contact.phone ?? null, visibility: partner.visibility, version: 1, created_at: at, updated_at: at,
    });
    return { email, firstName: contact.name.split(" ")[0]! };
  });
}

/** Interactions: the last one exactly lastContactDaysAgo, the rest spread before it; meetings among them. */
function appendInteractions(scope: PartnerScope, contacts: DemoContact[]): { meetings: MeetingRow[]; lastContactMs: number | null } {
  const { partner, context: { random }, createdMs, quietFrom, instantDaysAgo } = scope;
  const profile = partner.profile;
  const interactionTimes: number[] = [];
  for (let i = 0; i < profile.interactions; i++) {
    const daysAgo = i === 0 ? quietFrom : random.int(Math.min(quietFrom + 1, profile.startDaysAgo), profile.startDaysAgo);
    interactionTimes.push(Math.max(instantDaysAgo(daysAgo), createdMs));
  }
  interactionTimes.sort((a, b) => a - b);
  const meetings: MeetingRow[] = [];
  let lastContactMs: number | null = null;
  for (const occurredMs of interactionTimes) {
    const interaction = appendInteraction(scope, contacts, occurredMs);
    if (interaction.meeting) meetings.push(interaction.meeting);
    lastContactMs = lastContactMs === null ? occurredMs : Math.max(lastContactMs, occurredMs);
  }
  scope.tables.meetings.push(...meetings);
  return { meetings, lastContactMs };
}

function interactionKind(profile: DemoPartner["profile"], roll: number): InteractionRow["kind"] {
  if (profile.interactions === 1) return "email";
  if (roll < profile.meetingShare) return "meeting";
  if (roll < profile.meetingShare + 0.45) return "email";
  if (roll < profile.meetingShare + 0.65) return "call";
  return roll < profile.meetingShare + 0.75 ? "event" : "note";
}

function appendInteraction(scope: PartnerScope, contacts: DemoContact[], occurredMs: number): { meeting: MeetingRow | null } {
  const { tables, partner, context: { workspaceId, team, random }, partnerId, ownerEmail, newId } = scope;
  const fill = (text: string, contactName: string) => text.replaceAll("{partner}", partner.name).replaceAll("{contact}", contactName);
  const contact = random.pick(contacts);
  const us = random.chance(0.6) ? ownerEmail : random.pick(team);
  const kind = interactionKind(partner.profile, random.next());
  const inbound = random.chance(partner.profile.inboundShare);
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
    meeting_id: null, visibility: kind === "note" ? "private" : partner.visibility, version: 1, created_at: at, updated_at: at,
  };
  let meeting: MeetingRow | null = null;
  if (kind === "meeting") {
    const detail = random.pick(meetingDetails);
    const attendees = [us, ...contacts.slice(0, random.int(1, contacts.length)).map((c) => c.email)];
    meeting = {
      id: newId("mtg"), workspace_id: workspaceId, partner_id: partnerId,
      title: `${detail.title}: ${partner.name}`, occurred_at: at, attendees_json: JSON.stringify(attendees),
      agenda: detail.agenda, notes: detail.notes, decisions_json: JSON.stringify(detail.decisions),
      source_url: null, interaction_id: interaction.id, visibility: partner.visibility, version: 1, created_at: at, updated_at: at,
    };
    interaction.meeting_id = meeting.id;
    interaction.participants_json = meeting.attendees_json;
  }
  tables.interactions.push(interaction);
  return { meeting };
}

function partnerRow({ partner, context: { workspaceId, nowMs }, partnerId, createdMs, ownerEmail }: PartnerScope, lastContactMs: number | null): PartnerRow {
  const salesforceId = partner.salesforceId15 ? toEighteenCharacterId(partner.salesforceId15) : null;
  const plan = partner.renewalInDays === null && partner.marginPercent === null && partner.referralFeePercent === null
    ? {}
    : planFor(partner, isoDate(nowMs + (partner.renewalInDays ?? 365) * dayMs));
  return {
    id: partnerId, workspace_id: workspaceId, name: partner.name, kind: partner.kind, tier: partner.tier,
    status: partner.status, cadence_days: partner.cadenceDays, owner_email: ownerEmail,
    business_model: partner.businessModel, objectives: partner.objectives, plan_json: JSON.stringify(plan),
    salesforce_account_id: salesforceId, salesforce_key: salesforceId ? salesforceKey(salesforceId) : null,
    hubspot_company_id: partner.hubspotCompanyId, visibility: partner.visibility, version: 1, created_at: iso(createdMs),
    updated_at: iso(lastContactMs ?? createdMs), archived_at: null,
    last_contact_at: lastContactMs === null ? null : iso(lastContactMs), health_score: null,
  };
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
