import type { NewFromPartner as NewFromPartnerFacts } from "../../shared/schemas/sharing.ts";

const kinds = [
  ["commitments", "promise", "promises"],
  ["referrals", "referral", "referrals"],
  ["goals", "goal", "goals"],
  ["meetings", "meeting", "meetings"],
  ["interactions", "touchpoint", "touchpoints"],
] as const;

/**
 * "New from Brightpath: 2 promises, 1 referral", and the promises their
 * people marked done this week: what the connected partner did since the last look.
 */
export function NewFromPartner({ facts }: { facts: NewFromPartnerFacts | undefined }) {
  if (!facts) return null;
  const parts = kinds.filter(([kind]) => facts[kind] > 0).map(([kind, one, many]) => `${facts[kind]} ${facts[kind] === 1 ? one : many}`);
  return (
    <>
      {parts.length > 0 && <p class="new-from-partner" role="status">New from {facts.workspace_name}: {parts.join(", ")}</p>}
      {facts.done_by_them.length > 0 && (
        <ul class="done-by-them" aria-label={`Done by ${facts.workspace_name}`}>
          {facts.done_by_them.map((done) => (
            <li key={done.id}>{done.title}: done by {done.changed_by?.member_email ?? facts.workspace_name} ({facts.workspace_name})</li>
          ))}
        </ul>
      )}
    </>
  );
}
