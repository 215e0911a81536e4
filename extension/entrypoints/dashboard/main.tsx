import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { relativeDay } from "../../../shared/display-format.ts";
import { quietness } from "../../../shared/dormancy.ts";
import { openCommitment } from "../../../shared/schemas/lookup.ts";
import { partner } from "../../../shared/schemas/partner.ts";
import { ApiGate } from "./ApiGate.tsx";
import { PartnerList } from "./PartnerList.tsx";
import { NudgesList } from "./NudgesList.tsx";
import { PartnerDetail } from "./PartnerDetail.tsx";
import { PlanPage } from "./PlanPage.tsx";
import { ImportExportPage } from "./import/ImportExportPage.tsx";
import { ConnectionsPage } from "./ConnectionsPage.tsx";
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

const ago = (at: string | null) => (at ? relativeDay(at, new Date()) : "never");

function ShowMore({ more, loading, what }: { more: (() => void) | undefined; loading: boolean; what: string }) {
  if (loading) return <p class="muted" role="status">Loading {what}…</p>;
  return more ? <button type="button" onClick={more}>Show more {what}</button> : null;
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
        <li key={c.id}><a href={`#partner/${c.partner_id}`}>{names.get(c.partner_id) ?? "Partner"}</a>: {c.title} ({c.owed_by === "us" ? "we owe" : "they owe"}, due {c.due_on ? relativeDay(c.due_on, new Date()) : "no date"})</li>
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
  if (hash.startsWith("#connections")) return <ConnectionsPage prefill={/code=(mutual_inv_[0-9a-z]{32})/.exec(hash)?.[1] ?? ""} />;
  return (
    <main>
      <h1>Partnerships</h1>
      <nav aria-label="Workspace"><a href="#import">Import and export</a> · <a href="#connections">Connections</a></nav>
      <ApiGate>
      <section aria-labelledby="by-health"><h2 id="by-health">Partners</h2><PartnerList names={names} /></section>
      <section aria-labelledby="overdue"><h2 id="overdue">Overdue commitments</h2><OverdueCommitments names={names} /></section>
      <section aria-labelledby="dormant"><h2 id="dormant">Going dormant</h2><GoingDormant /></section>
      </ApiGate>
    </main>
  );
}

render(<Dashboard />, document.getElementById("app")!);
