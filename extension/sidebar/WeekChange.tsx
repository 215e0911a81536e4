import { useEffect } from "preact/hooks";
import { loadWeekChange, weekChanges } from "./pulse-client.ts";
import { lookupState } from "./store.ts";

/**
 * Under the score and its trend: the last week's move with its cause
 * ("↓ 7: 2 promises to Brightpath became overdue"), read once the lookup's
 * fresh answer is in (so it never competes with it) and again when it
 * refreshes. Nothing when the score did not move or could not be read.
 */
export function WeekChange({ partnerId }: { partnerId: string }) {
  const state = lookupState.value;
  const fresh = state.status === "ready" ? state.fetchedAt ?? "ready" : null;
  useEffect(() => {
    if (fresh) void loadWeekChange(partnerId);
  }, [partnerId, fresh]);
  const changes = weekChanges.value[partnerId];
  if (!changes?.headline) return null;
  const others = changes.causes.slice(1, 3).map((cause) => cause.text);
  return (
    <div class={`week-change ${changes.change! < 0 ? "overdue" : ""}`}>
      <dt>This week</dt>
      <dd title={others.length > 0 ? `Also: ${others.join("; ")}` : undefined}>{changes.headline}</dd>
    </div>
  );
}
