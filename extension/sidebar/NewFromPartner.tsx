import type { NewFromPartner as NewFromPartnerFacts } from "../../shared/schemas/sharing.ts";

const kinds = [
  ["commitments", "promise", "promises"],
  ["referrals", "referral", "referrals"],
  ["goals", "goal", "goals"],
  ["meetings", "meeting", "meetings"],
  ["interactions", "touchpoint", "touchpoints"],
] as const;

/** "New from Brightpath: 2 promises, 1 referral": what the connected partner shared since the last look. */
export function NewFromPartner({ facts }: { facts: NewFromPartnerFacts | undefined }) {
  if (!facts) return null;
  const parts = kinds.filter(([kind]) => facts[kind] > 0).map(([kind, one, many]) => `${facts[kind]} ${facts[kind] === 1 ? one : many}`);
  if (parts.length === 0) return null;
  return <p class="new-from-partner" role="status">New from {facts.workspace_name}: {parts.join(", ")}</p>;
}
