import { quietness } from "./dormancy.ts";
import type { HealthBand } from "./schemas/health.ts";
import type { Partner, PartnerKind } from "./schemas/partner.ts";

/** The dashboard's filters; each unset one lets every partner through. */
export interface PartnerFilters {
  kind?: PartnerKind;
  tier?: string;
  band?: HealthBand;
  owner?: string;
  /** Only partners with a promise overdue (either side). */
  overdue?: boolean;
  /** Only active partners past their contact cadence or gone dormant. */
  quiet?: boolean;
}

type Listed = Pick<Partner, "id" | "kind" | "tier" | "owner_email" | "status" | "cadence_days" | "last_contact_at" | "created_at"> & {
  health: { band: HealthBand } | null;
};

/** The partners that pass every filter set, in the order given. */
export function filterPartners<P extends Listed>(partners: P[], filters: PartnerFilters, facts: { overduePartnerIds: ReadonlySet<string>; now: Date }): P[] {
  return partners.filter((p) =>
    (filters.kind === undefined || p.kind === filters.kind)
    && (filters.tier === undefined || p.tier === filters.tier)
    && (filters.band === undefined || (p.health?.band ?? "insufficient_data") === filters.band)
    && (filters.owner === undefined || p.owner_email === filters.owner)
    && (!filters.overdue || facts.overduePartnerIds.has(p.id))
    && (!filters.quiet || quietness(p, facts.now) !== null));
}

/** The distinct non-empty values of a field, sorted, for a filter's choices. */
export function choicesOf<P>(partners: P[], value: (partner: P) => string | null): string[] {
  return [...new Set(partners.map(value).filter((v): v is string => v !== null && v !== ""))].sort((a, b) => a.localeCompare(b));
}
