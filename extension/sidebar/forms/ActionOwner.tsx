import type { ActionOwners } from "./MeetingNotesForm.tsx";

export interface ActionOwnerProps {
  index: number;
  item: { owedBy: "us" | "partner"; ownerEmail?: string };
  owners: ActionOwners;
  onChange: (ownerEmail: string) => void;
}

/**
 * Who owns an action item: on our side the signed-in member (first) or a
 * colleague at the meeting, on the partner's one of their attendees (never
 * a guest from another partner). Empty: ours fall to whoever saves the
 * notes (the API's rule), theirs to no one in particular.
 */
export function ActionOwner({ index, item, owners, onChange }: ActionOwnerProps) {
  const choices = item.owedBy === "us" ? owners.us : owners.partner;
  const current = item.ownerEmail ?? "";
  return (
    <select aria-label={`Owner of action ${index + 1}`} value={current} onChange={(e) => onChange(e.currentTarget.value)}>
      {choices.map((email) => <option key={email} value={email}>{email}</option>)}
      {current && !choices.includes(current) && <option value={current}>{current}</option>}
      <option value="">{item.owedBy === "us" ? "Whoever saves the notes" : "No one named"}</option>
    </select>
  );
}
