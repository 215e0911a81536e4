import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { daysBetween } from "../../../shared/calendar.ts";
import type { HealthHistory } from "../../../shared/schemas/health.ts";
import type { Partner } from "../../../shared/schemas/partner.ts";
import type { ErrorInfo } from "../../messaging/protocol.ts";
import { send } from "../../messaging/send.ts";
import { Sparkline } from "../../pages/Sparkline.tsx";
import { PartnerDetail } from "./PartnerDetail.tsx";
import "../../pages/pages.css";

interface OverdueCommitment {
  id: string;
  partner_id: string;
  title: string;
  owed_by: "us" | "partner";
  due_on: string;
}

const api = <T,>(path: string) => send<T>({ type: "api", path });

function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const update = () => setHash(location.hash);
    addEventListener("hashchange", update);
    return () => removeEventListener("hashchange", update);
  }, []);
  return hash;
}

/** Active partners past their contact cadence: the ones about to go dormant. */
function goingQuiet(partners: Partner[], now: Date): Partner[] {
  return partners.filter((p) => {
    if (p.status !== "active" || !p.cadence_days) return false;
    const since = p.last_contact_at ? daysBetween(new Date(p.last_contact_at), now) : Infinity;
    return since > p.cadence_days;
  });
}

function Dashboard() {
  const hash = useHash();
  const [partners, setPartners] = useState<Partner[] | null>(null);
  const [overdue, setOverdue] = useState<OverdueCommitment[]>([]);
  const [trends, setTrends] = useState<Record<string, (number | null)[]>>({});
  const [error, setError] = useState<ErrorInfo | null>(null);

  useEffect(() => {
    void (async () => {
      const list = await api<{ items: Partner[] }>("/v1/partners?sort=health&limit=100");
      if (!list.ok) return setError(list.error);
      setPartners(list.data.items);
      const due = await api<{ items: OverdueCommitment[] }>("/v1/commitments?overdue=true&limit=100");
      if (due.ok) setOverdue(due.data.items);
      for (const partner of list.data.items.slice(0, 50)) {
        const history = await api<HealthHistory>(`/v1/partners/${partner.id}/health/history?days=90`);
        if (history.ok) setTrends((current) => ({ ...current, [partner.id]: history.data.items.map((point) => point.score) }));
      }
    })();
  }, []);

  const partnerMatch = /^#partner\/([a-z]{3}_[0-9a-z]{24})$/.exec(hash);
  if (partnerMatch) return <PartnerDetail id={partnerMatch[1]!} />;
  const names = new Map((partners ?? []).map((p) => [p.id, p.name]));
  const quiet = partners ? goingQuiet(partners, new Date()) : [];

  return (
    <main>
      <h1>Partnerships</h1>
      {error && <p class="status problem" role="alert">{error.message}</p>}
      {!partners && !error && <p class="muted" role="status">Loading…</p>}
      {partners && partners.length === 0 && <p class="muted">No partners yet: add one from a Gmail thread or a Salesforce Account.</p>}
      {partners && partners.length > 0 && (
        <>
          <h2>By health (weakest first)</h2>
          <table>
            <thead><tr><th>Partner</th><th>Health</th><th>90-day trend</th><th>Last contact</th></tr></thead>
            <tbody>
              {partners.map((p) => (
                <tr key={p.id}>
                  <td><a href={`#partner/${p.id}`}>{p.name}</a></td>
                  <td><span class={`badge band-${p.health?.band ?? "insufficient_data"}`}>{p.health?.score ?? "–"}</span></td>
                  <td><Sparkline points={trends[p.id] ?? []} label={`${p.name} health trend`} /></td>
                  <td>{p.last_contact_at ? `${daysBetween(new Date(p.last_contact_at), new Date())} days ago` : "never"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>Overdue commitments</h2>
          {overdue.length === 0 ? <p class="muted">Nothing overdue.</p> : (
            <ul>{overdue.map((c) => (
              <li key={c.id}><a href={`#partner/${c.partner_id}`}>{names.get(c.partner_id) ?? "Partner"}</a>: {c.title} ({c.owed_by === "us" ? "we owe" : "they owe"}, due {c.due_on})</li>
            ))}</ul>
          )}
          <h2>Going dormant</h2>
          {quiet.length === 0 ? <p class="muted">Every active partner is within its contact cadence.</p> : (
            <ul>{quiet.map((p) => (
              <li key={p.id}><a href={`#partner/${p.id}`}>{p.name}</a>: last contact {p.last_contact_at ? `${daysBetween(new Date(p.last_contact_at), new Date())} days ago` : "never"}, cadence {p.cadence_days} days</li>
            ))}</ul>
          )}
        </>
      )}
    </main>
  );
}

render(<Dashboard />, document.getElementById("app")!);
