import { useEffect, useRef, useState } from "preact/hooks";
import { relativeDay } from "../../../shared/display-format.ts";
import { choicesOf, filterPartners, type PartnerFilters } from "../../../shared/partner-filters.ts";
import { healthTrends, type HealthBand, type HealthTrends } from "../../../shared/schemas/health.ts";
import { openCommitment } from "../../../shared/schemas/lookup.ts";
import { partner, type PartnerKind, type PartnerSort } from "../../../shared/schemas/partner.ts";
import { listEnvelope } from "../../../shared/schemas/common.ts";
import { Sparkline } from "../../pages/Sparkline.tsx";
import { healthBandLabels, optionsOf, partnerKindLabels } from "../../sidebar/vocabulary.ts";
import { api, usePages } from "./use-pages.ts";

const sorts: [PartnerSort, string][] = [["health", "Health, weakest first"], ["-health", "Health, strongest first"], ["name", "Name"], ["last_contact", "Longest silent first"], ["-last_contact", "Latest contact first"]];

/** A select over some choices; the empty value is "any". */
function Choice<K extends string>({ label, value, choices, onChange }: { label: string; value: K | undefined; choices: [K, string][]; onChange: (value: K | undefined) => void }) {
  return (
    <label class="filter">{label}{" "}
      <select value={value ?? ""} onChange={(e) => onChange((e.currentTarget.value || undefined) as K | undefined)}>
        <option value="">Any</option>
        {choices.map(([key, text]) => <option key={key} value={key}>{text}</option>)}
      </select>
    </label>
  );
}

/** Up and down arrows (and j, k) move between partners; "/" goes to the search box. */
function moveFocus(event: KeyboardEvent, table: HTMLElement | null, search: HTMLInputElement | null) {
  if (event.key === "/" && document.activeElement !== search) {
    event.preventDefault();
    return search?.focus();
  }
  const step = event.key === "ArrowDown" || event.key === "j" ? 1 : event.key === "ArrowUp" || event.key === "k" ? -1 : 0;
  if (step === 0 || !table || (event.target as HTMLElement).tagName === "INPUT" || (event.target as HTMLElement).tagName === "SELECT") return;
  const links = [...table.querySelectorAll<HTMLAnchorElement>("tbody a")];
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next = links[Math.min(links.length - 1, Math.max(0, at + step))];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

/** Every partner: search by name or domain, filter, sort, 50 at a time with each page's 90-day trends. */
export function PartnerList({ names }: { names: Map<string, string> }) {
  const [query, setQuery] = useState("");
  const [q, setQ] = useState("");
  const [sort, setSort] = useState<PartnerSort>("health");
  const [filters, setFilters] = useState<PartnerFilters>({});
  const [overdueIds, setOverdueIds] = useState<ReadonlySet<string>>(new Set());
  const [trends, setTrends] = useState<Record<string, HealthTrends["items"][number]["points"]>>({});
  const table = useRef<HTMLTableElement>(null);
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const timer = setTimeout(() => setQ(query.trim()), 250);
    return () => clearTimeout(timer);
  }, [query]);
  useEffect(() => {
    void api("/v1/commitments?overdue=true&limit=100", listEnvelope(openCommitment)).then((reply) => reply.ok && setOverdueIds(new Set(reply.data.items.map((c) => c.partner_id))));
  }, []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => moveFocus(event, table.current, search.current);
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, []);
  const path = `/v1/partners?sort=${sort}&limit=50${q ? `&q=${encodeURIComponent(q)}` : ""}`;
  const partners = usePages(path, partner, (page) => {
    for (const p of page) names.set(p.id, p.name);
    if (page.length === 0) return;
    void api(`/v1/health/trends?days=90&${page.map((p) => `partner_id=${p.id}`).join("&")}`, healthTrends).then((reply) => {
      if (reply.ok) setTrends((current) => ({ ...current, ...Object.fromEntries(reply.data.items.map((item) => [item.partner_id, item.points])) }));
    });
  });
  const set = <K extends keyof PartnerFilters>(key: K) => (value: PartnerFilters[K]) => setFilters((current) => ({ ...current, [key]: value }));
  const loaded = partners.items ?? [];
  const shown = filterPartners(loaded, filters, { overduePartnerIds: overdueIds, now: new Date() });
  return (
    <>
      <div class="filters" role="search">
        <label class="filter">Search <input ref={search} type="search" placeholder="Name or domain ( / )" value={query} onInput={(e) => setQuery(e.currentTarget.value)} /></label>
        <label class="filter">Sort <select value={sort} onChange={(e) => setSort(e.currentTarget.value as PartnerSort)}>{sorts.map(([key, text]) => <option key={key} value={key}>{text}</option>)}</select></label>
        <Choice<PartnerKind> label="Kind" value={filters.kind} choices={optionsOf(partnerKindLabels)} onChange={set("kind")} />
        <Choice label="Tier" value={filters.tier} choices={choicesOf(loaded, (p) => p.tier).map((t) => [t, t])} onChange={set("tier")} />
        <Choice<HealthBand> label="Band" value={filters.band} choices={optionsOf(healthBandLabels)} onChange={set("band")} />
        <Choice label="Owner" value={filters.owner} choices={choicesOf(loaded, (p) => p.owner_email).map((o) => [o, o])} onChange={set("owner")} />
        <label class="filter"><input type="checkbox" checked={filters.overdue ?? false} onChange={(e) => set("overdue")(e.currentTarget.checked || undefined)} /> Overdue promises</label>
        <label class="filter"><input type="checkbox" checked={filters.quiet ?? false} onChange={(e) => set("quiet")(e.currentTarget.checked || undefined)} /> Quiet</label>
      </div>
      {partners.error && !partners.items && <p class="status problem" role="alert">{partners.error.message}</p>}
      {!partners.items && !partners.error && <p class="muted" role="status">Loading partners…</p>}
      {partners.items && shown.length === 0 && <p class="muted">{q || Object.values(filters).some((v) => v !== undefined) ? "No partner matches." : "No partners yet: add one from a Gmail thread or a Salesforce Account."}</p>}
      {shown.length > 0 && (
        <table ref={table} aria-label="Partners">
          <thead><tr><th scope="col">Partner</th><th scope="col">Health</th><th scope="col">90-day trend</th><th scope="col">Last contact</th><th scope="col">Kind</th></tr></thead>
          <tbody>
            {shown.map((p) => (
              <tr key={p.id}>
                <td><a href={`#partner/${p.id}`}>{p.name}</a></td>
                <td><span class={`badge band-${p.health?.band ?? "insufficient_data"}`}>{p.health?.score ?? "–"} · {healthBandLabels[p.health?.band ?? "insufficient_data"]}</span>{overdueIds.has(p.id) && <span class="overdue-mark"> overdue promise</span>}</td>
                <td>{trends[p.id] ? <Sparkline points={trends[p.id]!.map((point) => point.score)} backfilled={trends[p.id]!.map((point) => point.backfilled)} label={`${p.name} health trend`} /> : <span class="muted">…</span>}</td>
                <td>{p.last_contact_at ? relativeDay(p.last_contact_at, new Date()) : "never"}</td>
                <td>{partnerKindLabels[p.kind]}{p.tier ? ` · ${p.tier}` : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {partners.error && partners.items && <p class="status problem" role="alert">{partners.error.message}</p>}
      {partners.more && <button type="button" onClick={partners.more}>Show more partners</button>}
      {partners.loading && partners.items && <p class="muted" role="status">Loading partners…</p>}
    </>
  );
}
