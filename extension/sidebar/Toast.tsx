import { announcement } from "./store.ts";
import { undoLast, undoable } from "./undo.ts";

/**
 * The panel's last line: what just happened, with Undo when it can be taken
 * back. It sits below the scrolling body, in the layout, so it never covers
 * a promise or a button.
 */
export function Toast() {
  const offered = undoable.value;
  const text = offered?.label ?? announcement.value;
  return (
    <>
      <p class="visually-hidden" role="status" aria-live="polite">{announcement.value}</p>
      {text && (
        <div class="toast">
          <span aria-hidden={offered ? undefined : "true"}>{offered ? `${offered.label}.` : text}</span>
          {offered && <button type="button" onClick={() => void undoLast()}>Undo</button>}
        </div>
      )}
    </>
  );
}
