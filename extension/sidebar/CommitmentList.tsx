import { useState } from "preact/hooks";
import { dueDatePicks, localToday } from "../../shared/due-date-picks.ts";
import type { LookupMatch } from "../../shared/schemas/lookup.ts";
import { relativeDay } from "../../shared/display-format.ts";
import { CorrectionButtons } from "./CorrectionButtons.tsx";
import { submitWrite } from "./submit-write.ts";

type OpenCommitment = LookupMatch["open_commitments"][number];

export interface CommitmentListProps {
  partnerId: string;
  partnerName: string;
  commitments: OpenCommitment[];
}

function CommitmentRow({ partnerId, commitment }: { partnerId: string; commitment: OpenCommitment }) {
  const [moving, setMoving] = useState(false);
  const [busy, setBusy] = useState(false);
  const change = async (body: { status?: "done"; due_on?: string }, label: string) => {
    setBusy(true);
    await submitWrite({ action: "patchCommitment", partnerId, commitmentId: commitment.id, body }, label);
    setBusy(false);
    setMoving(false);
  };
  return (
    <li class={commitment.overdue ? "commitment overdue" : "commitment"}>
      <span class="title">{commitment.title}</span>
      {commitment.origin?.side === "theirs" && <span class="origin muted">from {commitment.origin.workspace_name ?? "the partner"}</span>}
      <span class="due" title={commitment.due_on ?? undefined}>{commitment.due_on ? `${commitment.overdue ? "overdue, was due" : "due"} ${relativeDay(commitment.due_on, new Date())}` : "no date"}</span>
      <span class="row-actions">
        <button type="button" disabled={busy} onClick={() => change({ status: "done" }, `"${commitment.title}" done`)} aria-label={`Mark "${commitment.title}" done`}>Done</button>
        <button type="button" disabled={busy} aria-expanded={moving} onClick={() => setMoving(!moving)} aria-label={`Move the date of "${commitment.title}"`}>Move</button>
        <CorrectionButtons partnerId={partnerId} commitment={commitment} busy={busy} setBusy={setBusy} />
      </span>
      {moving && (
        <span class="picks" role="group" aria-label="New due date">
          {dueDatePicks(localToday(new Date())).map((pick) => (
            <button type="button" class="pick" key={pick.label} disabled={busy} onClick={() => change({ due_on: pick.date }, `"${commitment.title}" moved to ${pick.date}`)}>{pick.label}</button>
          ))}
          <input type="date" aria-label="Another date" data-writes-on-change onChange={(e) => e.currentTarget.value && change({ due_on: e.currentTarget.value }, `"${commitment.title}" moved`)} />
        </span>
      )}
    </li>
  );
}

/** Open promises both ways, overdue first (the API already orders them). */
export function CommitmentList({ partnerId, partnerName, commitments }: CommitmentListProps) {
  const ours = commitments.filter((c) => c.owed_by === "us");
  const theirs = commitments.filter((c) => c.owed_by === "partner");
  const group = (title: string, items: OpenCommitment[]) => (
    <div class="commitment-group">
      <h4>{title}</h4>
      {items.length === 0
        ? <p class="muted">Nothing open.</p>
        : <ul>{items.map((c) => <CommitmentRow key={c.id} partnerId={partnerId} commitment={c} />)}</ul>}
    </div>
  );
  return (
    <section aria-label="Open commitments">
      <h3 class="visually-hidden">Open commitments</h3>
      {group("You owe", ours)}
      {group(`${partnerName} owes`, theirs)}
    </section>
  );
}
