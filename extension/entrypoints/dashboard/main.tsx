import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { daysBetween } from "../../../shared/calendar.ts";
import { quietness } from "../../../shared/dormancy.ts";
import { healthTrends, type HealthTrends } from "../../../shared/schemas/health.ts";
import { openCommitment } from "../../../shared/schemas/lookup.ts";
import { partner } from "../../../shared/schemas/partner.ts";
import { Sparkline } from "../../pages/Sparkline.tsx";
import { NudgesList } from "./NudgesList.tsx";
import { PartnerDetail } from "./PartnerDetail.tsx";
import { PlanPage } from "./PlanPage.tsx";
import { ImportExportPage } from "./import/ImportExportPage.tsx";
import { api, usePages } from "./use-pages.ts";
import "../../pages/pages.css";

function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const update = () => setHash(location.hash);
    addEventListener("hashchange", update);
    return () => removeEventListener("hashchange", update);
  }, []);
  return hash;
}

const ago = (at: string | null) => (at ? `${daysBetween(new Date(at), new Date())} days ago` : "never");

function ShowMore({ more, loading, what }: { more: (() => void) | undefined; loading: boolean; what: string }) {
  if (loading) return <p class="muted" role="status">Loading {what}…</p>;
  return more ? <button type="button" onClick={more}>Show more {what}</button> : null;
}

/** Every partner, weakest first, 50 at a time, each page's 90-day trends in one request. */
function PartnersByHealth({ names }: { names: Map<string, string> }) {
  const [trends, setTrends] = useState<Record<string, HealthTrends["items"][number]["points"]>>({});
  const partners = usePages("/v1/partners?sort=health&limit=50", partner, (page) => {
    for (const p of page) names.set(p.id, p.name);
    if (page.length === 0) return;
    void api(`/v1/health/trends?days=90&${page.map((p) => `partner_id=${p.id}`).join("&")}`, healthTrends).then((reply) => {
      if (reply.ok) setTrends((current) => ({ ...current, ...Object.fromEntries(reply.data.items.map((item) => [item.partner_id, item.points])) }));
    });
  });
  if (partners.error && !partners.items) return <p class="status problem" role="alert">{partners.error.message}</p>;
  if (!partners.items) return <p class="muted" role="status">Loading partners…</p>;
  if (partners.items.length === 0) return <p class="muted">No partners yet: add one from a Gmail thread or a Salesforce Account.</p>;
  return (
    <>
      <table>
        <thead><tr><th scope="col">Partner</th><th scope="col">Health</th><th scope="col">90-day trend</th><th scope="col">Last contact</th></tr></thead>
        <tbody>
          {partners.items.map((p) => (
            <tr key={p.id}>
              <td><a href={`#partner/${p.id}`}>{p.name}</a></td>
              <td><span class={`badge band-${p.health?.band ?? "insufficient_data"}`}>{p.health?.score ?? "–"}</span></td>
              <td>{trends[p.id] ? <Sparkline points={trends[p.id]!.map((point) => point.score)} backfilled={trends[p.id]!.map((point) => point.backfilled)} label={`${p.name} health trend`} /> : <span class="muted">…</span>}</td>
              <td>{ago(p.last_contact_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {partners.error && <p class="status problem" role="alert">{partners.error.message}</p>}
      <ShowMore more={partners.more} loading={partners.loading} what="partners" />
    </>
  );
}

function OverdueCommitments({ names }: { names: Map<string, string> }) {
  const [, setNamesLoaded] = useState(0);
  const overdue = usePages("/v1/commitments?overdue=true&limit=50", openCommitment, (page) => {
    // Partners further down the health list than the page shown so far.
    const missing = [...new Set(page.map((c) => c.partner_id))].filter((id) => !names.has(id));
    void Promise.all(missing.map(async (id) => {
      const reply = await api(`/v1/partners/${id}`, partner);
      if (reply.ok) names.set(id, reply.data.name);
    })).then(() => setNamesLoaded((n) => n + 1));
  });
  if (overdue.error && !overdue.items) return <p class="status problem" role="alert">{overdue.error.message}</p>;
  if (!overdue.items) return <p class="muted" role="status">Loading overdue commitments…</p>;
  if (overdue.items.length === 0) return <p class="muted">Nothing overdue.</p>;
  return (
    <>
      <ul>{overdue.items.map((c) => (
        <li key={c.id}><a href={`#partner/${c.partner_id}`}>{names.get(c.partner_id) ?? "Partner"}</a>: {c.title} ({c.owed_by === "us" ? "we owe" : "they owe"}, due {c.due_on})</li>
      ))}</ul>
      {overdue.error && <p class="status problem" role="alert">{overdue.error.message}</p>}
      <ShowMore more={overdue.more} loading={overdue.loading} what="overdue commitments" />
    </>
  );
}

/** The 100 longest-silent active partners, those past their cadence (quiet) or gone dormant. */
function GoingDormant() {
  const silent = usePages("/v1/partners?status=active&sort=last_contact&limit=100", partner);
  if (silent.error && !silent.items) return <p class="status problem" role="alert">{silent.error.message}</p>;
  if (!silent.items) return <p class="muted" role="status">Loading…</p>;
  const now = new Date();
  const late = silent.items.flatMap((p) => {
    const quiet = quietness(p, now);
    return quiet ? [{ partner: p, ...quiet }] : [];
  });
  if (late.length === 0) return <p class="muted">Every active partner is within its contact cadence.</p>;
  return (
    <>
      <ul>{late.map(({ partner: p, state }) => (
        <li key={p.id}>
          <a href={`#partner/${p.id}`}>{p.name}</a>: last contact {ago(p.last_contact_at)}, cadence {p.cadence_days ?? "not set"}{p.cadence_days ? " days" : ""}
          {state === "dormant" && <> · <strong>dormant</strong></>}
        </li>
      ))}</ul>
      <ShowMore more={silent.more} loading={silent.loading} what="partners" />
    </>
  );
}

function Dashboard() {
  const hash = useHash();
  // Names of partners seen so far, for the overdue list (shared, filled as pages land).
  const [names] = useState(() => new Map<string, string>());
  const partnerMatch = /^#partner\/([a-z]{3}_[0-9a-z]{24})$/.exec(hash);
  if (partnerMatch) return <PartnerDetail id={partnerMatch[1]!} />;
  const planMatch = /^#plan\/([a-z]{3}_[0-9a-z]{24})$/.exec(hash);
  if (planMatch) return <PlanPage id={planMatch[1]!} />;
  if (hash === "#nudges") return <NudgesList />;
  if (hash === "#import") return <ImportExportPage />;
  return (
    <main>
      <h1>Partnerships</h1>
      <nav aria-label="Workspace"><a href="#import">Import and export</a></nav>
      <section aria-labelledby="by-health"><h2 id="by-health">By health (weakest first)</h2><PartnersByHealth names={names} /></section>
      <section aria-labelledby="overdue"><h2 id="overdue">Overdue commitments</h2><OverdueCommitments names={names} /></section>
      <section aria-labelledby="dormant"><h2 id="dormant">Going dormant</h2><GoingDormant /></section>
    </main>
  );
}

render(<Dashboard />, document.getElementById("app")!);
