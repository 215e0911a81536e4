import type { LookupMatch } from "../../shared/schemas/lookup.ts";
import { writeWithUndo } from "./undo.ts";

type OpenCommitment = LookupMatch["open_commitments"][number];

export interface CorrectionButtonsProps {
  partnerId: string;
  commitment: OpenCommitment;
  busy: boolean;
  setBusy: (busy: boolean) => void;
}

/**
 * Cancel (it no longer stands) and Delete (it was logged by mistake), each
 * with Undo in the toast: a wrongly logged promise is not only "done" or "moved".
 */
export function CorrectionButtons({ partnerId, commitment, busy, setBusy }: CorrectionButtonsProps) {
  const quoted = `"${commitment.title}"`;
  const record = { partnerId, collection: "commitments" as const, recordId: commitment.id };
  const run = async (change: () => Promise<unknown>) => {
    setBusy(true);
    await change();
    setBusy(false);
  };
  const cancel = () => run(() => writeWithUndo(
    { action: "patchCommitment", partnerId, commitmentId: commitment.id, body: { status: "cancelled" } },
    `${quoted} cancelled`,
    { undo: { action: "patchCommitment", partnerId, commitmentId: commitment.id, body: { status: "open" } }, undoLabel: `${quoted} open again` },
  ));
  const remove = () => run(() => writeWithUndo(
    { action: "deleteRecord", ...record },
    `${quoted} deleted`,
    { undo: { action: "restoreRecord", ...record }, undoLabel: `${quoted} restored` },
  ));
  return (
    <>
      <button type="button" disabled={busy} onClick={() => void cancel()} aria-label={`Cancel ${quoted}`}>Cancel</button>
      <button type="button" class="danger" disabled={busy} onClick={() => void remove()} aria-label={`Delete ${quoted}`}>Delete</button>
    </>
  );
}
