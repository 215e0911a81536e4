export interface ShareToggleProps {
  /** The connected partner company's workspace name; null when the partner is not connected, and then there is no toggle. */
  shareWith: string | null;
  checked: boolean;
  onChange: (shared: boolean) => void;
}

/** Sharing is explicit: off unless ticked, and offered only where there is someone to share with. */
export function ShareToggle({ shareWith, checked, onChange }: ShareToggleProps) {
  if (!shareWith) return null;
  return (
    <label class="inline share-toggle">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} /> Share with {shareWith}
    </label>
  );
}

/** The body's visibility for a ticked toggle; nothing otherwise, so the workspace's default applies. */
export const sharedVisibility = (shareWith: string | null | undefined, shared: boolean | undefined) =>
  shareWith && shared ? { visibility: "shared" as const } : {};
