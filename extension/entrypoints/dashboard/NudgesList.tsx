import { useEffect, useState } from "preact/hooks";
import { dayAfter, isSnoozed, type NudgeKey, type Snoozes } from "../../../shared/nudge-notification.ts";
import { nudges as nudgesSchema, type Nudges } from "../../../shared/schemas/nudges.ts";
import { openCommitment } from "../../../shared/schemas/lookup.ts";
import type { ErrorInfo } from "../../messaging/protocol.ts";
import { localDay, nudgeSnoozesItem } from "../../messaging/nudge-settings.ts";
import { api, usePages } from "./use-pages.ts";

/**
 * What the daily reminder is about (dashboard.html#nudges, where clicking it
 * leads): the promises we owe that are overdue or due today, and partners
 * past their contact cadence, each with Snooze.
 */
function useSnoozes(): [Snoozes, (key: NudgeKey, days: number) => void] {
  const [snoozes, setSnoozes] = useState<Snoozes>({});
  useEffect(() => {
    void nudgeSnoozesItem.getValue().then(setSnoozes);
    return nudgeSnoozesItem.watch((next) => setSnoozes(next ?? {}));
  }, []);
  const snooze = (key: NudgeKey, days: number) => {
    const next = { ...snoozes, [key]: dayAfter(localDay(new Date()), days) };
    setSnoozes(next);
    void nudgeSnoozesItem.setValue(next);
  };
  return [snoozes, snooze];
}

function SnoozeButton({ what, onSnooze }: { what: string; onSnooze: () => void }) {
  return <button type="button" onClick={onSnooze} aria-label={`Snooze ${what} for a day`}>Snooze</button>;
}

function OverduePromises() {
  const overdue = usePages("/v1/commitments?overdue=true&owed_by=us&limit=50", openCommitment);
  if (!overdue.items) return null;
  return <ul>{overdue.items.map((c) => <li key={c.id}><a href={`#partner/${c.partner_id}`}>{c.title}</a> (due {c.due_on})</li>)}</ul>;
}

export function NudgesList() {
  const today = localDay(new Date());
  const [nudges, setNudges] = useState<Nudges | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [snoozes, snooze] = useSnoozes();
  useEffect(() => {
    void api(`/v1/nudges?today=${today}`, nudgesSchema).then((reply) => (reply.ok ? setNudges(reply.data) : setError(reply.error)));
  }, [today]);
  if (error) return <p class="status problem" role="alert">{error.message}</p>;
  if (!nudges) return <p class="muted" role="status">Loading…</p>;
  const { overdue, due_today } = nudges.promises;
  const partners = nudges.past_cadence.filter((p) => !isSnoozed(snoozes, `partner:${p.partner_id}`, today));
  const promisesShown = overdue + due_today > 0 && !isSnoozed(snoozes, "promises", today);
  const snoozedCount = nudges.past_cadence.length - partners.length + (overdue + due_today > 0 && !promisesShown ? 1 : 0);
  return (
    <main>
      <p><a href="#">← All partnerships</a></p>
      <h1>Needs you today</h1>
      <section aria-labelledby="nudge-promises">
        <h2 id="nudge-promises">Promises we owe</h2>
        {promisesShown
          ? (
            <>
              <p>{overdue} overdue · {due_today} due today <SnoozeButton what="the promises" onSnooze={() => snooze("promises", 1)} /></p>
              <OverduePromises />
            </>
          )
          : <p class="muted">Nothing overdue or due today.</p>}
      </section>
      <section aria-labelledby="nudge-cadence">
        <h2 id="nudge-cadence">Past their contact cadence</h2>
        {partners.length === 0 ? <p class="muted">Every active partner is within its cadence.</p> : (
          <ul>{partners.map((p) => (
            <li key={p.partner_id}>
              <a href={`#partner/${p.partner_id}`}>{p.name}</a>: no contact for {p.days_since_contact} days; your cadence is {p.cadence_days}{" "}
              <SnoozeButton what={p.name} onSnooze={() => snooze(`partner:${p.partner_id}`, 1)} />
            </li>
          ))}</ul>
        )}
      </section>
      {snoozedCount > 0 && <p class="muted">{snoozedCount} snoozed until tomorrow or later.</p>}
    </main>
  );
}
