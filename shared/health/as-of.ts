import type { PartnershipHistory } from "./history.ts";

/**
 * The history as it stood at `at`, from what the records say about their own
 * past: records made later left out, a promise completed later still open, a
 * referral at the stage it had reached. What records don't date (a goal's
 * progress, a cancellation) is taken as it is now.
 */
export function historyAsOf(history: PartnershipHistory, at: Date): PartnershipHistory {
  const cutoff = at.toISOString();
  const by = (value: string | null | undefined) => value !== null && value !== undefined && value <= cutoff;
  return {
    ...history,
    interactions: history.interactions.filter((interaction) => by(interaction.occurred_at)),
    commitments: history.commitments
      .filter((commitment) => by(commitment.created_at))
      .map((commitment) => (commitment.completed_at !== null && !by(commitment.completed_at) ? { ...commitment, status: "open" as const, completed_at: null } : commitment)),
    referrals: history.referrals
      .filter((referral) => by(referral.submitted_at))
      .map((referral) => {
        const stages = referral.stage_history.filter((change) => by(change.at));
        return { ...referral, stage_history: stages, stage: stages.at(-1)?.stage ?? "submitted" };
      }),
    goals: history.goals
      .filter((goal) => by(goal.created_at))
      .map((goal) => (by(goal.last_reviewed_at) ? goal : { ...goal, last_reviewed_at: null })),
    meetings: history.meetings.filter((meeting) => by(meeting.occurred_at)),
  };
}
