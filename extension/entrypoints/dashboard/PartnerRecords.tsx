import { formatMoney, goalFigures, relativeDay } from "../../../shared/display-format.ts";
import { contact } from "../../../shared/schemas/contact.ts";
import { goal } from "../../../shared/schemas/goal.ts";
import { interaction } from "../../../shared/schemas/interaction.ts";
import { openCommitment } from "../../../shared/schemas/lookup.ts";
import { meeting } from "../../../shared/schemas/meeting.ts";
import { referral } from "../../../shared/schemas/referral.ts";
import { interactionDirectionWords, interactionKindLabels, referralStageLabels } from "../../sidebar/vocabulary.ts";
import { changeWithUndo, DeleteButton } from "./RecordActions.tsx";
import { useRecords } from "./use-records.ts";

export interface PartnerRecordsProps {
  partnerId: string;
  partnerName: string;
}

const when = (at: string) => <time dateTime={at} title={at.slice(0, 10)}>{relativeDay(at, new Date())}</time>;

/** Open promises both ways, overdue first, each with Done, Cancel and Delete (each undoable). */
export function OpenCommitments({ partnerId, partnerName }: PartnerRecordsProps) {
  const { items, error } = useRecords(`/v1/commitments?partner_id=${partnerId}&status=open&limit=100`, openCommitment);
  if (error) return <p class="status problem">{error.message}</p>;
  if (!items) return <p class="muted" role="status">Loading promises…</p>;
  const side = (owedBy: "us" | "partner", title: string) => {
    const mine = items.filter((c) => c.owed_by === owedBy).sort((a, b) => Number(b.overdue) - Number(a.overdue));
    return (
      <div>
        <h3>{title}</h3>
        {mine.length === 0 ? <p class="muted">Nothing open.</p> : (
          <ul class="records">{mine.map((c) => {
            const status = (to: "done" | "cancelled" | "open") => ({ action: "patchCommitment" as const, partnerId, commitmentId: c.id, body: { status: to } });
            return (
              <li key={c.id} class={c.overdue ? "overdue" : ""}>
                <span class="title">{c.title}</span>{" "}
                <span class="muted">{c.due_on ? <>{c.overdue ? "overdue, was due " : "due "}{when(c.due_on)}</> : "no date"}</span>
                <span class="row-actions">
                  <button type="button" onClick={() => void changeWithUndo(status("done"), `"${c.title}" done`, status("open"), `"${c.title}" open again`)}>Done</button>
                  <button type="button" onClick={() => void changeWithUndo(status("cancelled"), `"${c.title}" cancelled`, status("open"), `"${c.title}" open again`)}>Cancel</button>
                  <DeleteButton partnerId={partnerId} collection="commitments" recordId={c.id} what={`"${c.title}"`} />
                </span>
              </li>
            );
          })}</ul>
        )}
      </div>
    );
  };
  return <div class="two-sides">{side("us", "We owe")}{side("partner", `${partnerName} owes`)}</div>;
}

/** Interactions and meetings, newest first, meetings with their notes and decisions. */
export function Timeline({ partnerId, partnerName }: PartnerRecordsProps) {
  const interactions = useRecords(`/v1/partners/${partnerId}/interactions?limit=100`, interaction);
  const meetings = useRecords(`/v1/partners/${partnerId}/meetings?limit=100`, meeting);
  const error = interactions.error ?? meetings.error;
  if (error) return <p class="status problem">{error.message}</p>;
  if (!interactions.items || !meetings.items) return <p class="muted" role="status">Loading the timeline…</p>;
  const directions = interactionDirectionWords(partnerName);
  // A meeting's own interaction is shown as the meeting, with its notes.
  const entries = [
    ...interactions.items.filter((i) => i.meeting_id === null).map((i) => ({ at: i.occurred_at, key: i.id, node: (
      <>
        <strong>{interactionKindLabels[i.kind]}</strong> {directions[i.direction]} · {when(i.occurred_at)}
        {i.summary && <p class="multiline">{i.summary}</p>}
        <DeleteButton partnerId={partnerId} collection="interactions" recordId={i.id} what={`the ${interactionKindLabels[i.kind].toLowerCase()} of ${i.occurred_at.slice(0, 10)}`} />
      </>
    ) })),
    ...meetings.items.map((m) => ({ at: m.occurred_at, key: m.id, node: (
      <>
        <strong>Meeting: {m.title}</strong> · {when(m.occurred_at)}
        {m.notes && <p class="multiline">{m.notes}</p>}
        {m.decisions.length > 0 && <ul>{m.decisions.map((d) => <li key={d}>Decided: {d}</li>)}</ul>}
        <DeleteButton partnerId={partnerId} collection="meetings" recordId={m.id} what={`the meeting "${m.title}"`} />
      </>
    ) })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  if (entries.length === 0) return <p class="muted">No interactions logged yet.</p>;
  return <ol class="timeline">{entries.map((entry) => <li key={entry.key}>{entry.node}</li>)}</ol>;
}

export function Referrals({ partnerId, partnerName }: PartnerRecordsProps) {
  const { items, error } = useRecords(`/v1/partners/${partnerId}/referrals?limit=100`, referral);
  if (error) return <p class="status problem">{error.message}</p>;
  if (!items) return <p class="muted" role="status">Loading referrals…</p>;
  if (items.length === 0) return <p class="muted">No referrals either way yet.</p>;
  return (
    <table>
      <thead><tr><th scope="col">Account</th><th scope="col">Direction</th><th scope="col">Stage</th><th scope="col">Amount</th><th scope="col">Submitted</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
      <tbody>{items.map((r) => (
        <tr key={r.id}>
          <td>{r.account_name}</td>
          <td>{r.direction === "to_us" ? `from ${partnerName}` : `to ${partnerName}`}</td>
          <td>{referralStageLabels[r.stage]}</td>
          <td>{r.amount_minor !== null && r.currency ? formatMoney(r.amount_minor, r.currency) : "–"}</td>
          <td>{when(r.submitted_at)}</td>
          <td><DeleteButton partnerId={partnerId} collection="referrals" recordId={r.id} what={`the referral ${r.account_name}`} /></td>
        </tr>
      ))}</tbody>
    </table>
  );
}

export function Goals({ partnerId }: PartnerRecordsProps) {
  const { items, error } = useRecords(`/v1/partners/${partnerId}/goals?limit=100`, goal);
  if (error) return <p class="status problem">{error.message}</p>;
  if (!items) return <p class="muted" role="status">Loading goals…</p>;
  if (items.length === 0) return <p class="muted">No shared goals yet.</p>;
  return (
    <ul class="records">{items.map((g) => (
      <li key={g.id}>
        <span class="title">{g.title}</span> <span class="muted">{goalFigures(g.current, g.target)}{g.metric ? ` ${g.metric}` : ""}{g.due_on ? <> · due {when(g.due_on)}</> : ""}</span>
        <DeleteButton partnerId={partnerId} collection="goals" recordId={g.id} what={`the goal "${g.title}"`} />
      </li>
    ))}</ul>
  );
}

export function Contacts({ partnerId }: PartnerRecordsProps) {
  const { items, error } = useRecords(`/v1/partners/${partnerId}/contacts?limit=100`, contact);
  if (error) return <p class="status problem">{error.message}</p>;
  if (!items) return <p class="muted" role="status">Loading contacts…</p>;
  if (items.length === 0) return <p class="muted">No contacts yet.</p>;
  return (
    <ul class="records">{items.map((c) => (
      <li key={c.id}>
        <span class="title">{c.name ?? c.email}</span> <span class="muted">{c.name ? c.email : ""}{c.title ? ` · ${c.title}` : ""}</span>
        <DeleteButton partnerId={partnerId} collection="contacts" recordId={c.id} what={c.name ?? c.email} />
      </li>
    ))}</ul>
  );
}
