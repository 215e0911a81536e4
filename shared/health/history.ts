import type { CommitmentStatus, OwedBy } from "../schemas/commitment.ts";
import type { InteractionDirection, InteractionKind } from "../schemas/interaction.ts";
import type { PartnerStatus } from "../schemas/partner.ts";
import type { PlanFacts } from "./plan.ts";
import type { ReferralDirection, ReferralStage, StageChange } from "../schemas/referral.ts";

/** Everything the score reads about one partnership: facts only, no I/O. */
export interface PartnershipHistory {
  partner: {
    name: string;
    status: PartnerStatus;
    cadence_days: number | null;
    created_at: string;
  };
  interactions: { kind: InteractionKind; direction: InteractionDirection; occurred_at: string }[];
  commitments: {
    owed_by: OwedBy;
    status: CommitmentStatus;
    due_on: string | null;
    completed_at: string | null;
    created_at: string;
    /** The connected partner company's name when it is their shared record (read from our side); absent for ours. */
    recorded_by?: string;
  }[];
  referrals: {
    direction: ReferralDirection;
    stage: ReferralStage;
    submitted_at: string;
    stage_history: StageChange[];
    amount_minor: number | null;
    currency: string | null;
    /** The connected partner company's name when it is their shared record (read from our side); absent for ours. */
    recorded_by?: string;
  }[];
  goals: {
    title: string;
    target: number | null;
    current: number | null;
    due_on: string | null;
    last_reviewed_at: string | null;
    created_at: string;
  }[];
  meetings: { occurred_at: string; notes: string; decisions: string[] }[];
  /** The written plan; absent when not known (it then says nothing either way). */
  plan?: PlanFacts;
}

export function emptyHistory(partner: PartnershipHistory["partner"]): PartnershipHistory {
  return { partner, interactions: [], commitments: [], referrals: [], goals: [], meetings: [] };
}
