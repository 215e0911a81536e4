import { describeValue, httpLink } from "../../shared/plan/describe.ts";
import type { PlanResource } from "../../shared/schemas/plan.ts";

function Roles({ who, roles }: { who: string; roles: string[] | undefined }) {
  return (
    <>
      <h4>{who}</h4>
      {roles && roles.length > 0 ? <ul>{roles.map((role, i) => <li key={i}>{role}</li>)}</ul> : <p class="muted">Not written</p>}
    </>
  );
}

/** The plan unfolded, read-only: every part of it in the sidebar's words; text only ever as text. */
export function PlanDetails({ resource, partnerName }: { resource: PlanResource; partnerName: string }) {
  const { plan } = resource;
  const terms = plan.terms ?? {};
  return (
    <div class="plan-details">
      <h4>Our objectives</h4><p class="multiline">{plan.our_objectives ?? "Not written"}</p>
      <h4>{partnerName}'s objectives</h4><p class="multiline">{plan.partner_objectives ?? "Not written"}</p>
      <Roles who="Our roles" roles={plan.our_roles} />
      <Roles who={`${partnerName}'s roles`} roles={plan.partner_roles} />
      <h4>Terms</h4>
      {Object.keys(terms).length === 0 ? <p class="muted">None written</p> : (
        <ul>
          {terms.margin_percent !== undefined && <li>Margin: {terms.margin_percent}%</li>}
          {terms.referral_fee_percent !== undefined && <li>Referral fee: {terms.referral_fee_percent}%</li>}
          {terms.referral_fee_fixed && <li>Referral fee: {describeValue(terms.referral_fee_fixed)} each</li>}
          {terms.referral_fee_direction && <li>Fee paid for {describeValue(terms.referral_fee_direction)}</li>}
          {terms.mdf && <li>Market development funds: {describeValue(terms.mdf)}</li>}
          {(terms.other ?? []).map((term, i) => <li key={i}>{term.title}{term.amount ? `: ${describeValue(term.amount)}` : ""}{term.notes ? ` (${term.notes})` : ""}</li>)}
          {terms.notes && <li class="multiline">{terms.notes}</li>}
        </ul>
      )}
      <h4>Rules of engagement</h4><p class="multiline">{plan.rules_of_engagement ?? "Not written"}</p>
      <h4>Milestones</h4>
      {plan.milestones?.length ? (
        <ul>{plan.milestones.map((m, i) => <li key={i}>{m.done ? "✓ " : ""}{m.title}{m.due_on ? `, due ${m.due_on}` : ""}</li>)}</ul>
      ) : <p class="muted">None</p>}
      <h4>Key documents</h4>
      {plan.documents?.length ? (
        <ul>{plan.documents.map((doc, i) => {
          const href = httpLink(doc.url);
          return <li key={i}>{href ? <a href={href} target="_blank" rel="noopener noreferrer">{doc.title}</a> : <>{doc.title} ({doc.url})</>}</li>;
        })}</ul>
      ) : <p class="muted">None</p>}
      <p>Renews: {plan.renewal_on ?? "no date set"} · reviewed every {resource.review_every_days} days</p>
    </div>
  );
}
