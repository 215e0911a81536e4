import type { LookupMatch } from "../../shared/schemas/lookup.ts";
import { CommitmentList } from "./CommitmentList.tsx";
import { Fold } from "./Fold.tsx";
import { GoalList } from "./GoalList.tsx";
import { HealthPanel } from "./HealthPanel.tsx";
import { ReferralList } from "./ReferralList.tsx";

/** Below the fixed top: each section folds and stays as the user left it; the score's reasons start folded (the top has the score). */
export function PartnerSections({ match }: { match: LookupMatch }) {
  const { partner, referrals, goals } = match;
  const openReferrals = referrals.to_us.submitted + referrals.to_us.accepted + referrals.to_partner.submitted + referrals.to_partner.accepted;
  return (
    <>
      <Fold name="commitments" title="Open promises" summary={`${match.open_commitments.length}`} openByDefault>
        <CommitmentList partnerId={partner.id} partnerName={partner.name} commitments={match.open_commitments} />
      </Fold>
      <Fold name="health" title="Why this score" summary={match.health.next_actions[0]?.text}>
        <HealthPanel health={match.health} />
      </Fold>
      <Fold name="referrals" title="Referrals" summary={`${openReferrals} open`} openByDefault>
        <ReferralList partnerId={partner.id} partnerName={partner.name} referrals={referrals} />
      </Fold>
      <Fold name="goals" title="Shared goals" summary={`${goals.length}`} openByDefault>
        <GoalList goals={goals} />
      </Fold>
    </>
  );
}
