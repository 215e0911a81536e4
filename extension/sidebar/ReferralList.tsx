import type { LookupMatch } from "../../shared/schemas/lookup.ts";
import type { ReferralStage } from "../../shared/schemas/referral.ts";
import { formatMoney } from "../../shared/display-format.ts";
import { submitWrite } from "./submit-write.ts";
import { optionsOf, referralStageLabels } from "./vocabulary.ts";

type Referrals = LookupMatch["referrals"];

const money = (amountMinor: number | null, currency: string | null) =>
  amountMinor === null || !currency ? "" : formatMoney(amountMinor, currency);
// A closed referral's outcome is history, not a control: a mis-click on a select must not reopen it.
const closedStages: ReadonlySet<ReferralStage> = new Set(["won", "lost", "rejected"]);

export function ReferralList({ partnerId, partnerName, referrals }: { partnerId: string; partnerName: string; referrals: Referrals }) {
  const counts = (side: Referrals["to_us"]) => `${side.total} total · ${side.won} won · ${side.submitted + side.accepted} open`;
  return (
    <section aria-label="Referrals">
      <h3 class="visually-hidden">Referrals</h3>
      <p class="muted">From {partnerName}: {counts(referrals.to_us)}</p>
      <p class="muted">To {partnerName}: {counts(referrals.to_partner)}</p>
      {referrals.recent.length > 0 && (
        <ul class="referrals">
          {referrals.recent.map((referral) => (
            <li key={referral.id}>
              <span class="title">{referral.account_name}</span>{" "}
              <span class="muted">{referral.direction === "to_us" ? "from them" : "from you"} {money(referral.amount_minor, referral.currency)}</span>
              {closedStages.has(referral.stage) ? <span class={`stage ${referral.stage}`}>{referralStageLabels[referral.stage]}</span> : (
              <label class="inline">
                <span class="visually-hidden">Stage of {referral.account_name}</span>
                <select value={referral.stage} data-writes-on-change onChange={(e) => void submitWrite(
                  { action: "patchReferral", partnerId, referralId: referral.id, body: { stage: e.currentTarget.value as ReferralStage } },
                  `${referral.account_name} moved to ${referralStageLabels[e.currentTarget.value as ReferralStage]}`,
                )}>
                  {optionsOf(referralStageLabels).map(([stage, label]) => <option key={stage} value={stage}>{label}</option>)}
                </select>
              </label>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
