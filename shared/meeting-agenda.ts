import { isOverdue } from "./calendar.ts";

interface AgendaInput {
  partnerName: string;
  openCommitments: { title: string; owed_by: "us" | "partner"; due_on: string | null }[];
  pendingReferrals: { account_name: string; direction: "to_us" | "to_partner"; stage: string }[];
  goals: { title: string; due_on: string | null; current: number | null; target: number | null }[];
  now: Date;
}

const goalHorizonDays = 45;

/**
 * The agenda a meeting-notes form opens with: what is open between the two
 * sides, overdue first, so the meeting starts from the facts.
 */
export function buildMeetingAgenda(input: AgendaInput): string {
  const lines: string[] = [];
  const overdue = input.openCommitments.filter((c) => isOverdue(c.due_on, input.now));
  const upcoming = input.openCommitments.filter((c) => !isOverdue(c.due_on, input.now));
  const side = (owedBy: "us" | "partner") => (owedBy === "us" ? "we owe" : `${input.partnerName} owes`);
  const due = (date: string | null) => (date ? ` (due ${date})` : "");
  if (overdue.length > 0) {
    lines.push("Overdue promises:");
    for (const c of overdue) lines.push(`- ${c.title}: ${side(c.owed_by)}${due(c.due_on)}`);
  }
  if (upcoming.length > 0) {
    lines.push("Open promises:");
    for (const c of upcoming) lines.push(`- ${c.title}: ${side(c.owed_by)}${due(c.due_on)}`);
  }
  if (input.pendingReferrals.length > 0) {
    lines.push("Referrals in progress:");
    for (const r of input.pendingReferrals) {
      lines.push(`- ${r.account_name} (${r.direction === "to_us" ? `from ${input.partnerName}` : `to ${input.partnerName}`}, ${r.stage})`);
    }
  }
  const horizon = new Date(input.now.getTime() + goalHorizonDays * 86_400_000).toISOString().slice(0, 10);
  const goalsDue = input.goals.filter((g) => g.due_on !== null && g.due_on <= horizon);
  if (goalsDue.length > 0) {
    lines.push("Goals due soon:");
    for (const g of goalsDue) {
      const progress = g.current !== null && g.target !== null ? ` (${g.current} of ${g.target})` : "";
      lines.push(`- ${g.title}${progress}, due ${g.due_on}`);
    }
  }
  return lines.join("\n");
}
