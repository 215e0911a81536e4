import { appendPartnerHistory } from "./demo-history.ts";
import { type DemoPartner, type HealthProfile, demoCompany, demoPartners, demoTeam } from "./demo-partners.ts";
import { type DemoTables, demoTableOrder, emptyDemoTables } from "./demo-rows.ts";
import { contactNames, syntheticNameParts } from "./demo-text.ts";
import { deriveSeed, seededRandom, type SeededRandom } from "./seeded-random.ts";
import { insertStatements } from "./sql-literal.ts";

export type { DemoTables } from "./demo-rows.ts";
export { demoTableColumns, demoTableOrder } from "./demo-rows.ts";
export { demoCompany, demoPartners } from "./demo-partners.ts";

/**
 * A demo workspace: our company (Northwind Cloud), its team, and partners with
 * 6 to 10 months of history before `now`. The first twelve partners are
 * written by hand, each healthy or unhealthy in its own way; past twelve
 * (benchmarks ask for 1k to 100k) they are generated with proportionate
 * history on partner-000123.example.com domains. The same options always
 * give the same rows, ids included.
 */
export interface DemoOptions {
  now: Date;
  partnerCount?: number;
  seed?: number;
  workspaceSlug?: string;
  workspaceName?: string;
  /** The workspace owner; the rest of the demo team joins beside them. */
  ownerEmail?: string;
}

export const defaultDemoSeed = 20_261_123;
export const defaultDemoSlug = "demo";
export const demoHistoryMonths = 9;

/** The whole workspace in memory; for large partner counts prefer demoStatements. */
export function buildDemoWorkspace(options: DemoOptions): DemoTables {
  const all = emptyDemoTables();
  for (const chunk of demoTableChunks(options, 1_000)) {
    for (const table of demoTableOrder) (all[table] as unknown[]).push(...chunk[table]);
  }
  return all;
}

/**
 * The workspace in chunks of `partnersPerChunk` partners with their history;
 * the first chunk also holds the workspace and its members. Memory stays
 * bounded by one chunk whatever the partner count.
 */
export function* demoTableChunks(options: DemoOptions, partnersPerChunk = 500): Generator<DemoTables> {
  const partnerCount = options.partnerCount ?? demoPartners.length;
  const seed = options.seed ?? defaultDemoSeed;
  const nowMs = options.now.getTime();
  if (!Number.isFinite(nowMs)) throw new Error("now must be a valid Date");
  if (!Number.isInteger(partnerCount) || partnerCount < 0) throw new Error("partnerCount must be a whole number ≥ 0");
  const workspaceRandom = seededRandom(deriveSeed(seed, -1));
  const workspaceId = `wsp_${workspaceRandom.text(24)}`;
  const ownerEmail = (options.ownerEmail ?? demoTeam[0].email).toLowerCase();
  const team = [ownerEmail, ...demoTeam.slice(1).map((member) => member.email).filter((email) => email !== ownerEmail)];
  const createdAt = new Date(nowMs - 300 * 86_400_000).toISOString();

  let chunk = emptyDemoTables();
  chunk.workspaces.push({
    id: workspaceId, slug: options.workspaceSlug ?? defaultDemoSlug, name: options.workspaceName ?? demoCompany.name,
    settings_json: JSON.stringify({ company_domain: demoCompany.domain }), created_at: createdAt,
  });
  team.forEach((email, index) => {
    chunk.members.push({
      id: `mem_${workspaceRandom.text(24)}`, workspace_id: workspaceId, email,
      role: index === 0 ? "owner" : demoTeam.find((member) => member.email === email)?.role ?? "member",
      created_at: createdAt,
    });
  });
  let inChunk = 0;
  for (let index = 0; index < partnerCount; index++) {
    // Each partner has its own stream, so partner 5 is the same whatever the count.
    const random = seededRandom(deriveSeed(seed, index));
    const partner = demoPartners[index] ?? syntheticPartner(index, random);
    appendPartnerHistory(chunk, partner, { workspaceId, team, nowMs, random, index });
    if (++inChunk === partnersPerChunk) {
      yield chunk;
      chunk = emptyDemoTables();
      inChunk = 0;
    }
  }
  if (inChunk > 0 || chunk.workspaces.length > 0) yield chunk;
}

/** INSERT statements for the whole workspace, generated lazily, each under maxStatementBytes. */
export function* demoStatements(options: DemoOptions, maxStatementBytes = 90_000): Generator<string> {
  for (const chunk of demoTableChunks(options)) yield* toInsertStatements(chunk, maxStatementBytes);
}

/** Multi-row INSERTs for the given rows, tables in foreign-key order. */
export function toInsertStatements(rows: Partial<DemoTables>, maxStatementBytes = 90_000): string[] {
  const statements: string[] = [];
  for (const table of demoTableOrder) {
    const tableRows = rows[table];
    if (tableRows && tableRows.length > 0) {
      statements.push(...insertStatements(table, tableRows as unknown as Record<string, string | number | null>[], maxStatementBytes));
    }
  }
  return statements;
}

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function syntheticPartner(index: number, random: SeededRandom): DemoPartner {
  const kind = random.pick(["reseller", "reseller", "reseller", "msp", "si", "isv", "referral", "distributor"] as const);
  const status = random.pick([
    "active", "active", "active", "active", "active", "active", "onboarding", "prospect", "dormant", "ended",
  ] as const);
  const name = `${random.pick(syntheticNameParts.first)} ${random.pick(syntheticNameParts.second)} ${syntheticNameParts.kindWord[kind]}`;
  const domain = `partner-${String(index).padStart(6, "0")}.example.com`;
  let idSuffix = "";
  for (let rest = index, i = 0; i < 8; i++, rest = Math.floor(rest / 62)) idSuffix = base62.charAt(rest % 62) + idSuffix;
  const contacts = [0, 1].map((n) => {
    const first = random.pick(contactNames.first);
    const last = random.pick(contactNames.last);
    return { name: `${first} ${last}`, title: random.pick(contactNames.titles), email: `${first}.${last}${n || ""}@${domain}`.toLowerCase() };
  });
  return {
    name, kind, tier: random.pick(["Gold", "Silver", "Registered", null]), status,
    cadenceDays: random.pick([14, 21, 30, 45, null]), domains: [domain],
    salesforceId15: random.chance(0.6) ? `001Dn00${idSuffix}` : null,
    hubspotCompanyId: random.chance(0.4) ? String(20_000_000_000 + index) : null,
    currency: random.pick(["USD", "USD", "USD", "EUR", "GBP"]), visibility: random.chance(0.1) ? "shared" : "private",
    businessModel: `${syntheticNameParts.kindWord[kind]} partner serving mid-market customers.`,
    objectives: random.chance(0.7) ? "Grow joint pipeline and certify the sales team." : null,
    renewalInDays: status === "prospect" ? null : random.int(10, 365),
    marginPercent: kind === "reseller" || kind === "distributor" ? random.pick([10, 15, 20, 25]) : null,
    referralFeePercent: random.chance(0.5) ? random.pick([5, 10, 15]) : null,
    contacts, profile: syntheticProfile(status, random),
  };
}

/** Roughly 10 interactions, 4 commitments, 2 referrals and a goal each, shaped by status. */
function syntheticProfile(status: DemoPartner["status"], random: SeededRandom): HealthProfile {
  const startDaysAgo = status === "prospect" ? random.int(2, 20) : status === "onboarding" ? random.int(20, 60) : random.int(180, 300);
  const lastContactDaysAgo = status === "dormant" ? random.int(90, 170)
    : status === "ended" ? random.int(30, 120) : Math.min(random.int(0, 40), startDaysAgo - 1);
  const quiet = status === "prospect";
  const ourOnTime = 0.3 + random.next() * 0.7;
  return {
    startDaysAgo, lastContactDaysAgo: Math.max(lastContactDaysAgo, 0),
    interactions: quiet ? random.int(0, 2) : random.int(6, 14), inboundShare: random.next(), meetingShare: 0.15,
    ourCommitments: quiet ? 0 : random.int(1, 3), theirCommitments: quiet ? 0 : random.int(1, 3),
    ourOnTime, theirOnTime: 0.3 + random.next() * 0.7,
    referralsToUs: quiet ? 0 : random.int(0, 2), referralsToPartner: quiet ? 0 : random.int(0, 2),
    ourResponseDays: ourOnTime > 0.6 ? [1, 5] : [7, 30], theirResponseDays: [1, 10],
    winRate: 0.2 + random.next() * 0.5, goals: quiet ? 0 : 1, goalProgress: random.next(),
    goalReviewedDaysAgo: random.int(3, 120),
  };
}
