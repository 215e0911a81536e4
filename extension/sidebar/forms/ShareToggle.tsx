import { useEffect } from "preact/hooks";
import { askShareDefault, isShared } from "./share-default.ts";

export interface ShareToggleProps {
  /** The connected partner company's workspace name; null when the partner is not connected, and then there is no toggle. */
  shareWith: string | null;
  /** The person's choice on this form; undefined until they make one, when the workspace's default applies. */
  checked: boolean | undefined;
  onChange: (shared: boolean) => void;
  /** What this form would share, for the line under the toggle: "this promise", "these notes and their action items". */
  what?: string;
}

/** Sharing is explicit: the toggle starts from the workspace's default (private unless changed) and says what crosses. */
export function ShareToggle({ shareWith, checked, onChange, what = "this record" }: ShareToggleProps) {
  useEffect(() => void askShareDefault(), []);
  if (!shareWith) return null;
  const shared = isShared(checked);
  return (
    <div class="share-toggle">
      <label class="inline">
        <input type="checkbox" checked={shared} onChange={(e) => onChange(e.currentTarget.checked)} /> Share with {shareWith}
      </label>
      <p class="muted share-note">{shared ? `${shareWith} will see ${what}.` : `Only your workspace sees ${what}.`}</p>
    </div>
  );
}

/** The body's visibility: said outright for a connected partner (the toggle's state), nothing otherwise (private). */
export const sharedVisibility = (shareWith: string | null | undefined, shared: boolean | undefined) =>
  shareWith ? { visibility: isShared(shared) ? ("shared" as const) : ("private" as const) } : {};
