import { relativeDay } from "../../shared/display-format.ts";
import type { LookupMatch } from "../../shared/schemas/lookup.ts";
import { GlanceTrend } from "./GlanceTrend.tsx";
import { HealthBadge } from "./HealthPanel.tsx";
import { WeekChange } from "./WeekChange.tsx";

/** "3 open, 1 overdue" or "nothing open". */
function openCount(items: LookupMatch["open_commitments"]): string {
  if (items.length === 0) return "nothing open";
  const overdue = items.filter((item) => item.overdue).length;
  return overdue > 0 ? `${items.length} open, ${overdue} overdue` : `${items.length} open`;
}

function lastContactText(match: LookupMatch, now: Date): string {
  const contact = match.last_contact;
  if (!contact) return "no contact logged yet";
  return `${relativeDay(contact.at, now)}${contact.cadence_days ? ` (every ${contact.cadence_days} days)` : ""}`;
}

/** Whether there is nothing yet to judge the partnership by: a new partner gets one line, not five empty bars. */
export function isNewPartner(match: LookupMatch): boolean {
  return match.health.band === "insufficient_data" && match.open_commitments.length === 0 && match.referrals.recent.length === 0
    && match.goals.length === 0 && match.last_contact === null;
}

/** The card's fixed top: health with its trend, what each side owes (overdue first), last contact. */
export function Glance({ match, now = new Date() }: { match: LookupMatch; now?: Date }) {
  const ours = match.open_commitments.filter((c) => c.owed_by === "us");
  const theirs = match.open_commitments.filter((c) => c.owed_by === "partner");
  if (isNewPartner(match)) {
    return <p class="glance new-partner">New partner: start with Log touchpoint for your last conversation, or Log a promise.</p>;
  }
  return (
    <dl class="glance">
      <div><dt>Health</dt><dd class="health-line"><HealthBadge health={match.health} /><GlanceTrend partnerId={match.partner.id} partnerName={match.partner.name} /></dd></div>
      <WeekChange partnerId={match.partner.id} />
      <div class={ours.some((c) => c.overdue) ? "overdue" : ""}><dt>We owe</dt><dd>{openCount(ours)}</dd></div>
      <div class={theirs.some((c) => c.overdue) ? "overdue" : ""}><dt>They owe</dt><dd>{openCount(theirs)}</dd></div>
      <div class={match.last_contact?.overdue ? "overdue" : ""}><dt>Last contact</dt><dd>{lastContactText(match, now)}</dd></div>
    </dl>
  );
}
