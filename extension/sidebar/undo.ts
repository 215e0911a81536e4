import { signal } from "@preact/signals";
import type { WriteAction } from "../messaging/protocol.ts";
import { announcement } from "./store.ts";
import { submitWrite, type WriteOutcome } from "./submit-write.ts";

/** The last change that can be taken back, and the write that takes it back. */
export interface Undoable {
  label: string;
  undo: WriteAction;
  undoLabel: string;
  /** Called once the undo has gone through (the dashboard reads its lists again). */
  after?: () => void;
}

export const undoable = signal<Undoable | null>(null);

// Long enough to notice a mistake and reach the button; the API keeps a
// deleted record restorable for 30 days after the toast has gone.
export const undoShownMs = 10_000;
let hideTimer: ReturnType<typeof setTimeout> | undefined;

/** Makes a change and offers Undo for it in the toast, unless the change was refused. */
export async function writeWithUndo(write: WriteAction, label: string, undo: Omit<Undoable, "label">): Promise<WriteOutcome> {
  const outcome = await submitWrite(write, label);
  if (outcome.state === "failed") return outcome;
  undoable.value = { label, ...undo };
  clearTimeout(hideTimer);
  hideTimer = setTimeout(() => (undoable.value = null), undoShownMs);
  return outcome;
}

/** Takes the offered change back. */
export async function undoLast(): Promise<void> {
  const offered = undoable.value;
  if (!offered) return;
  undoable.value = null;
  clearTimeout(hideTimer);
  const outcome = await submitWrite(offered.undo, offered.undoLabel);
  if (outcome.state === "failed") announcement.value = `Could not undo: ${outcome.error.message}`;
  offered.after?.();
}
