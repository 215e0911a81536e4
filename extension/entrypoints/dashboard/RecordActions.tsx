import type { RecordCollection, WriteAction } from "../../messaging/protocol.ts";
import { writeWithUndo } from "../../sidebar/undo.ts";
import { recordsVersion } from "./use-records.ts";

const reread = () => (recordsVersion.value += 1);

/** A change from the dashboard, with Undo in its toast; every list reads again once it has gone through. */
export async function changeWithUndo(write: WriteAction, label: string, undo: WriteAction, undoLabel: string): Promise<void> {
  await writeWithUndo(write, label, { undo, undoLabel, after: reread });
  reread();
}

export interface DeleteButtonProps {
  partnerId: string;
  collection: RecordCollection;
  recordId: string;
  /** What it is, for the button's label and the toast ("the call on 3 March"). */
  what: string;
}

/** Delete, with Undo: the API keeps the record restorable. */
export function DeleteButton({ partnerId, collection, recordId, what }: DeleteButtonProps) {
  const record = { partnerId, collection, recordId };
  return (
    <button type="button" class="danger" aria-label={`Delete ${what}`} onClick={() => void changeWithUndo(
      { action: "deleteRecord", ...record }, `Deleted ${what}`, { action: "restoreRecord", ...record }, `Restored ${what}`,
    )}>Delete</button>
  );
}
