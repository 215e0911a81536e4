/**
 * What the bench asks /v1/lookup: the situations the sidebar meets, built
 * from partners actually in the seeded database (spread over the whole
 * table), each with the partners it must match, so a wrong answer fails the
 * bench instead of timing it.
 */
import { DatabaseSync } from "node:sqlite";
import { demoCompany } from "../demo/demo-data.ts";
import type { BenchRequest } from "./http-latency.ts";

export interface SamplePartner { id: string; domain: string; contactEmail: string }
export interface SalesforcePartner { id: string; salesforceId: string }
export interface LookupSamples { partners: SamplePartner[]; salesforce: SalesforcePartner[] }

export const lookupKinds = {
  subdomainEmail: "email at a partner's subdomain",
  salesforce: "Salesforce id (18 chars)",
  unknownDomain: "unknown domain (no match)",
  thread: "thread: 4 emails, 2 partners",
} as const;

/**
 * `count` live partners at evenly spaced places in the partners table, read
 * straight from the file. The bench database holds one workspace; the outer
 * queries go by rowid alone (with workspace_id too, SQLite would walk the
 * workspace index instead: 10 s at 100k).
 */
export function readLookupSamples(sqliteFile: string, count = 12): LookupSamples {
  const db = new DatabaseSync(sqliteFile, { readOnly: true });
  try {
    const { last } = db.prepare("SELECT max(rowid) AS last FROM partners").get() as { last: number | null };
    if (!last) throw new Error("the seeded database has no partners");
    const positions = Array.from({ length: count }, (_, k) => 1 + Math.floor(((k + 0.5) * last) / count));
    const partnerAt = db.prepare(
      `SELECT p.id,
              (SELECT min(domain) FROM partner_domains d WHERE d.workspace_id = p.workspace_id AND d.partner_id = p.id) AS domain,
              (SELECT min(email) FROM contacts c WHERE c.workspace_id = p.workspace_id AND c.partner_id = p.id) AS contactEmail
         FROM partners p
        WHERE p.rowid >= ? AND p.archived_at IS NULL
          AND EXISTS (SELECT 1 FROM partner_domains d WHERE d.workspace_id = p.workspace_id AND d.partner_id = p.id)
          AND EXISTS (SELECT 1 FROM contacts c WHERE c.workspace_id = p.workspace_id AND c.partner_id = p.id)
        ORDER BY p.rowid LIMIT 1`,
    );
    const salesforceAt = db.prepare(
      `SELECT id, salesforce_account_id AS salesforceId FROM partners
        WHERE rowid >= ? AND archived_at IS NULL AND salesforce_account_id IS NOT NULL
        ORDER BY rowid LIMIT 1`,
    );
    const partners = positions.map((rowid) => partnerAt.get(rowid) as SamplePartner | undefined);
    const salesforce = positions.map((rowid) => salesforceAt.get(rowid) as SalesforcePartner | undefined);
    if (partners.some((row) => !row) || salesforce.some((row) => !row)) {
      throw new Error("could not find sample partners (with a domain, a contact, a Salesforce id) across the table");
    }
    return { partners: partners as SamplePartner[], salesforce: salesforce as SalesforcePartner[] };
  } finally {
    db.close();
  }
}

/** Four kinds of lookup per sample partner, in turn; each knows which partners it must return. */
export function lookupMix(samples: LookupSamples, token: string): BenchRequest[] {
  const headers = { Authorization: `Bearer ${token}` };
  const request = (label: string, query: [string, string][], expected: string[]): BenchRequest => ({
    label,
    path: `/v1/lookup?${new URLSearchParams(query).toString()}`,
    headers,
    check: (body) => expectPartners(label, body, expected),
  });
  return samples.partners.flatMap((partner, k) => {
    const other = samples.partners[(k + 1) % samples.partners.length]!;
    const salesforce = samples.salesforce[k]!;
    return [
      request(lookupKinds.subdomainEmail, [["email", `bench.reader@eu.${partner.domain}`]], [partner.id]),
      request(lookupKinds.salesforce, [["salesforce", salesforce.salesforceId]], [salesforce.id]),
      request(lookupKinds.unknownDomain, [["email", `jamie@unknown-partner-${k}.org`]], []),
      request(lookupKinds.thread, [
        ["email", partner.contactEmail], ["email", other.contactEmail],
        ["email", "someone.else@gmail.com"], ["email", `bench.colleague@${demoCompany.domain}`],
      ], [partner.id, other.id]),
    ];
  });
}

function expectPartners(label: string, body: string, expected: string[]): void {
  const matches = (JSON.parse(body) as { matches?: { partner?: { id?: string } }[] }).matches ?? [];
  const got = matches.map((match) => match.partner?.id ?? "?").sort();
  const want = [...new Set(expected)].sort();
  if (got.join() !== want.join()) {
    throw new Error(`lookup "${label}" returned [${got.join(", ")}], expected [${want.join(", ")}]`);
  }
}
