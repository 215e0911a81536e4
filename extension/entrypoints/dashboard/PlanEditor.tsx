import type { PlanDraft } from "../../../shared/plan/draft.ts";
import type { ErrorInfo } from "../../messaging/protocol.ts";
import { Field, fieldId, MoneyInput } from "./plan-fields.tsx";
import { DocumentList, MilestoneList, OtherTermList } from "./PlanLists.tsx";

export interface PlanEditorProps {
  draft: PlanDraft;
  partnerName: string;
  error: ErrorInfo | null;
  onChange: (change: Partial<PlanDraft>) => void;
}

interface TextProps {
  field: keyof PlanDraft & string;
  draft: PlanDraft;
  label: string;
  error: ErrorInfo | null;
  onChange: (change: Partial<PlanDraft>) => void;
  rows?: number;
  hint?: string;
}

function TextArea({ field, draft, label, error, onChange, rows = 3, hint }: TextProps) {
  return (
    <Field field={field} label={label} error={error}>
      {hint && <p class="muted hint">{hint}</p>}
      <textarea id={fieldId(field)} rows={rows} value={draft[field] as string} onInput={(e) => onChange({ [field]: e.currentTarget.value })} />
    </Field>
  );
}

/** Objectives and roles of both sides, rules of engagement. */
function Sides({ draft, partnerName, error, onChange }: PlanEditorProps) {
  const props = { draft, error, onChange };
  return (
    <fieldset>
      <legend>Objectives and roles</legend>
      <TextArea field="our_objectives" label="Our objectives" {...props} />
      <TextArea field="partner_objectives" label={`${partnerName}'s objectives`} {...props} />
      <TextArea field="our_roles" label="Our roles" hint="One per line" {...props} />
      <TextArea field="partner_roles" label={`${partnerName}'s roles`} hint="One per line" {...props} />
      <TextArea field="rules_of_engagement" label="Rules of engagement" rows={4} {...props} />
    </fieldset>
  );
}

/** Margin, referral fee (percent or fixed, and for which referrals), MDF, other terms, notes, and referral targets. */
function Terms({ draft, partnerName, error, onChange }: PlanEditorProps) {
  return (
    <fieldset>
      <legend>Terms</legend>
      <Field field="terms.margin_percent" label="Margin (%)" error={error}>
        <input id={fieldId("terms.margin_percent")} type="number" min={0} max={100} step="any" value={draft.margin_percent} onInput={(e) => onChange({ margin_percent: e.currentTarget.value })} />
      </Field>
      <Field field="terms.referral_fee_percent" label="Referral fee (%)" error={error}>
        <input id={fieldId("terms.referral_fee_percent")} type="number" min={0} max={100} step="any" value={draft.referral_fee_percent} onInput={(e) => onChange({ referral_fee_percent: e.currentTarget.value })} />
      </Field>
      <MoneyInput field="terms.referral_fee_fixed" label="Referral fee (fixed, instead of a percent)" value={draft.referral_fee_fixed} error={error} onChange={(referral_fee_fixed) => onChange({ referral_fee_fixed })} />
      <Field field="terms.referral_fee_direction" label="Referral fee paid for" error={error}>
        <select id={fieldId("terms.referral_fee_direction")} value={draft.referral_fee_direction} onChange={(e) => onChange({ referral_fee_direction: e.currentTarget.value as PlanDraft["referral_fee_direction"] })}>
          <option value="">Not set (referrals {partnerName} brings us)</option>
          <option value="to_us">Referrals {partnerName} brings us</option>
          <option value="to_partner">Referrals we bring {partnerName}</option>
        </select>
      </Field>
      <MoneyInput field="terms.mdf" label="Market development funds" value={draft.mdf} error={error} onChange={(mdf) => onChange({ mdf })} />
      <OtherTermList items={draft.other_terms} error={error} onChange={(other_terms) => onChange({ other_terms })} />
      <TextArea field="terms_notes" label="Notes on terms" draft={draft} error={null} onChange={onChange} />
      <MoneyInput field="referral_targets.to_us" label={`Referral target: from ${partnerName}`} value={draft.target_to_us} error={error} onChange={(target_to_us) => onChange({ target_to_us })} />
      <MoneyInput field="referral_targets.to_partner" label={`Referral target: to ${partnerName}`} value={draft.target_to_partner} error={error} onChange={(target_to_partner) => onChange({ target_to_partner })} />
    </fieldset>
  );
}

/** Every field of the plan, edited in place. */
export function PlanEditor(props: PlanEditorProps) {
  const { draft, error, onChange } = props;
  return (
    <>
      <Sides {...props} />
      <Terms {...props} />
      <MilestoneList items={draft.milestones} error={error} onChange={(milestones) => onChange({ milestones })} />
      <DocumentList items={draft.documents} error={error} onChange={(documents) => onChange({ documents })} />
      <fieldset>
        <legend>Renewal and review</legend>
        <Field field="renewal_on" label="Renewal date" error={error}>
          <input id={fieldId("renewal_on")} type="date" value={draft.renewal_on} onInput={(e) => onChange({ renewal_on: e.currentTarget.value })} />
        </Field>
        <Field field="review_every_days" label="Review the plan every (days)" error={error}>
          <input id={fieldId("review_every_days")} type="number" min={7} max={730} placeholder="90" value={draft.review_every_days} onInput={(e) => onChange({ review_every_days: e.currentTarget.value })} />
        </Field>
        <p class="muted">Last reviewed: {draft.last_reviewed_at ? draft.last_reviewed_at.slice(0, 10) : "never"} (set by a review)</p>
      </fieldset>
    </>
  );
}
