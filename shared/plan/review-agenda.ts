import type { Money } from "../schemas/plan.ts";
import type { PlanReview } from "../schemas/plan-review.ts";
import { formatMoney } from "./money.ts";

type Tally = PlanReview["promises"]["us"];
type Referrals = PlanReview["referrals"]["to_us"];

const sums = (amounts: Money[], locale?: string) => (amounts.length === 0 ? "none" : amounts.map((m) => formatMoney(m, locale)).join(" + "));

function goalLines(review: PlanReview): string[] {
  if (review.goals.length === 0) return ["- No shared goals recorded"];
  return review.goals.map((goal) => {
    const progress = goal.progress_percent === null ? "progress not measured" : `${goal.progress_percent}% done`;
    const pace = goal.pace === "behind" ? `, behind pace (${goal.expected_percent}% expected by now)` : goal.pace === "on_pace" ? ", on pace" : "";
    const milestones = goal.milestones_total > 0 ? `; milestones ${goal.milestones_done} of ${goal.milestones_total} done` : "";
    const overdue = goal.milestones_overdue.length > 0 ? `; overdue: ${goal.milestones_overdue.join(", ")}` : "";
    return `- ${goal.title}: ${progress}${pace}${milestones}${overdue}`;
  });
}

const promiseLine = (who: string, tally: Tally) =>
  `- ${who}: ${tally.made} made, ${tally.kept_on_time} kept on time, ${tally.kept_late} late, ${tally.broken} overdue, ${tally.open} open`;

function referralLine(label: string, tally: Referrals, locale?: string): string {
  const target = tally.target ? `; target ${formatMoney(tally.target, locale)} (${tally.target_percent ?? 0}% reached)` : "";
  return `- ${label}: ${tally.submitted} submitted, ${tally.won} won (${sums(tally.won_value, locale)}), ${tally.lost} lost${target}`;
}

function feeLines(review: PlanReview, partnerName: string, locale?: string): string[] {
  const { fees } = review;
  if (fees.percent === null && fees.fixed === null) return ["- The plan sets no referral fee"];
  const unpaid = fees.items.filter((item) => item.paid_at === null).map((item) => item.account_name);
  return [
    `- Due: ${sums(fees.due, locale)}; paid: ${sums(fees.paid, locale)}; unpaid: ${sums(fees.unpaid, locale)}`,
    ...(unpaid.length > 0 ? [`- Not yet paid for: ${unpaid.join(", ")} (${fees.direction === "to_us" ? `owed to ${partnerName}` : `owed by ${partnerName}`})`] : []),
  ];
}

function roleLines(review: PlanReview, partnerName: string): string[] {
  const side = (who: string, role: PlanReview["roles"]["us"]) => {
    const plan = role.plan.length > 0 ? role.plan.join(", ") : "no roles written";
    const did = role.record;
    return `- ${who}: plan says ${plan}; did: ${did.interactions_started} contacts started, ${did.promises_made} promises made (${did.promises_kept_on_time} kept on time), ${did.referrals_sent} referrals sent`;
  };
  return [side("We", review.roles.us), side(partnerName, review.roles.partner), ...review.roles.findings.map((finding) => `- ${finding}`)];
}

/**
 * The plan review as a meeting's agenda: for the period since the last review,
 * goals against their pace, promises both ways, referrals against targets,
 * fees due against paid, contact against the cadence, and roles against what
 * each side did, so the meeting starts from the facts rather than memory.
 */
export function planReviewAgenda(review: PlanReview, partnerName: string, locale?: string): string {
  const from = review.period.from.slice(0, 10);
  const since = review.period.basis === "last_review" ? `since the last review (${from})` : `over the last ${review.review_every_days} days (since ${from})`;
  const contact = review.contact;
  return [
    `Plan review with ${partnerName}, ${since}`,
    "Goals vs pace:", ...goalLines(review),
    "Promises kept, both ways:", promiseLine("We", review.promises.us), promiseLine(partnerName, review.promises.partner),
    "Referrals vs targets:", referralLine(`From ${partnerName}`, review.referrals.to_us, locale), referralLine(`To ${partnerName}`, review.referrals.to_partner, locale),
    "Fees due vs paid:", ...feeLines(review, partnerName, locale),
    "Contact vs cadence:",
    `- ${contact.interactions} contacts; longest gap ${contact.longest_gap_days} days against a cadence of ${contact.cadence_days}${contact.within_cadence ? " (within cadence)" : " (outside cadence)"}`,
    "Roles vs what each side did:", ...roleLines(review, partnerName),
  ].join("\n");
}
