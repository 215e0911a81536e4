import { daysBetween } from "../calendar.ts";
import type { PlanResource } from "../schemas/plan.ts";

/** The plan in one line, as the folded sidebar section shows it, and how it stands. */
export interface PlanLine {
  text: string;
  /** unwritten: nothing agreed in writing; due: not reviewed within its own rhythm. */
  state: "unwritten" | "unreviewed" | "due" | "reviewed";
}

function agoText(days: number): string {
  if (days === 0) return "today";
  if (days === 1) return "yesterday";
  return `${days} days ago`;
}

/**
 * "Plan reviewed 41 days ago · renews 2027-03-01": when it was last reviewed
 * (against its own review_every_days) and when it renews. A plan that says
 * nothing yet is "No written plan yet", whatever its review rhythm.
 */
export function planOneLine(resource: Pick<PlanResource, "plan" | "written" | "review_every_days">, now: Date): PlanLine {
  if (!resource.written) return { text: "No written plan yet", state: "unwritten" };
  const { last_reviewed_at: reviewedAt, renewal_on: renewsOn } = resource.plan;
  const renews = renewsOn ? ` · renews ${renewsOn}` : "";
  if (!reviewedAt) return { text: `Plan not reviewed yet${renews}`, state: "unreviewed" };
  const days = daysBetween(new Date(reviewedAt), now);
  const due = days > resource.review_every_days;
  return {
    text: `Plan reviewed ${agoText(days)}${renews}${due ? ` · review due (every ${resource.review_every_days} days)` : ""}`,
    state: due ? "due" : "reviewed",
  };
}
