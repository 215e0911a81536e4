import type { CommitmentRow, MeetingRow, ReferralRow, ReferralStage } from "./demo-rows.ts";
import { commitmentTitles, goalMilestones, goalTemplates, referralAccounts } from "./demo-text.ts";
import { dayMs, type DemoContact, iso, isoDate, type PartnerScope } from "./partner-scope.ts";

/** One promise: kept on time, kept late, missed (open and overdue), or not yet due. */
export function appendCommitment(scope: PartnerScope, contacts: DemoContact[], meetings: MeetingRow[], owedBy: CommitmentRow["owed_by"], onTime: number): void {
  const { tables, partner, context: { workspaceId, nowMs, random }, partnerId, ownerEmail, quietFrom, newId, instantDaysAgo } = scope;
  const meeting = meetings.length > 0 && random.chance(0.35) ? random.pick(meetings) : null;
  const createdAtMs = Math.min(nowMs - 7_200_000, meeting
    ? Date.parse(meeting.occurred_at) + 3_600_000
    : instantDaysAgo(random.int(Math.max(quietFrom, 1), Math.max(partner.profile.startDaysAgo, 2))));
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
    owner_email: owedBy === "us" ? ownerEmail : random.pick(contacts).email, due_on: isoDate(dueMs), status,
    completed_at: completedAt, source_url: null, meeting_id: meeting?.id ?? null, visibility: partner.visibility, version: 1,
    created_at: createdAt, updated_at: completedAt ?? createdAt,
  });
}

/** One referral: the receiving side answers after its usual delay; won or lost later. */
export function appendReferral(scope: PartnerScope, contacts: DemoContact[], direction: ReferralRow["direction"]): void {
  const { tables, partner, context: { workspaceId, nowMs, random }, partnerId, quietFrom, newId, instantDaysAgo } = scope;
  const profile = partner.profile;
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
    visibility: partner.visibility, version: 1, created_at: history[0]!.at, updated_at: last.at,
  });
}

/** The partner's `g`-th goal, from the templates, as far along as its profile says. */
export function appendGoal(scope: PartnerScope, g: number): void {
  const { tables, partner, context: { workspaceId, nowMs, random }, partnerId, createdMs, newId, instantDaysAgo } = scope;
  const profile = partner.profile;
  const template = goalTemplates[(partner.name.length + g) % goalTemplates.length]!;
  const goalCreatedMs = createdMs + random.int(3, 20) * dayMs;
  const dueMs = nowMs + random.int(30, 150) * dayMs;
  const current = Math.round(template.target * profile.goalProgress * (0.9 + random.next() * 0.2));
  const milestones = [0, 1, 2].map((step) => {
    const milestoneDueMs = goalCreatedMs + Math.floor(((step + 1) / 3) * (dueMs - goalCreatedMs));
    return {
      title: goalMilestones[(g * 3 + step) % goalMilestones.length]!,
      due_on: isoDate(milestoneDueMs),
      done: step < Math.round(profile.goalProgress * 3),
    };
  });
  const reviewedMs = Math.max(instantDaysAgo(profile.goalReviewedDaysAgo), goalCreatedMs);
  const reviewed = reviewedMs < nowMs ? iso(reviewedMs) : null;
  tables.goals.push({
    id: newId("gol"), workspace_id: workspaceId, partner_id: partnerId, title: template.title,
    metric: template.metric, target: template.target, current, due_on: isoDate(dueMs),
    milestones_json: JSON.stringify(milestones), last_reviewed_at: reviewed, visibility: partner.visibility, version: 1,
    created_at: iso(Math.min(goalCreatedMs, nowMs - 60_000)), updated_at: reviewed ?? iso(Math.min(goalCreatedMs, nowMs - 60_000)),
  });
}
