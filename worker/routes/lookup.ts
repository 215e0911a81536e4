import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { candidateDomains, emailDomain } from "../../shared/domains.ts";
import { isEmailAddress } from "../../shared/email-address.ts";
import { isSalesforceId, salesforceKey } from "../../shared/salesforce-id.ts";
import { lookupQuery, lookupResult, type LookupMatch, type MatchReason } from "../../shared/schemas/lookup.ts";
import type { AppEnv } from "../env.ts";
import { invalidField } from "../api-error.ts";
import { jsonResponse, readErrors, security } from "../http/openapi-parts.ts";
import { currentHealth } from "../db/health-store.ts";
import { assembleContexts, contextStatements } from "../db/partner-context.ts";
import { partnerToApi, type PartnerRow } from "../db/partner-record.ts";

const maxMatches = 10;
// Record ids name one partner for certain; a shared email domain is the weakest sign.
const strength: Record<MatchReason["type"], number> = { salesforce: 0, hubspot: 0, email: 1, domain: 2 };

const placeholders = (values: unknown[]) => values.map(() => "?").join(", ");

// D1 binds at most 100 parameters per query; one is the workspace id.
function chunks<T>(values: T[], size = 90): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < values.length; start += size) result.push(values.slice(start, start + size));
  return result;
}

export function registerLookupRoute(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "get", path: "/v1/lookup", tags: ["Lookup"], security,
      operationId: "lookup",
      summary: "Everything the sidebar shows for the people or record on screen",
      description:
        "Each of email, domain, salesforce and hubspot may be repeated. Email addresses match a partner's contacts exactly and its domains through the public-suffix list (jo@sales.acme.co.uk matches acme.co.uk); free-mail domains never match by domain. Salesforce ids match in their 15- or 18-character form. No match is 200 with an empty list.",
      request: { query: lookupQuery },
      responses: { 200: jsonResponse(lookupResult, "The matched partners with their context"), ...readErrors },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const db = c.get("db");
      const { workspaceId } = c.get("caller");
      const reasons = new Map<string, MatchReason[]>();
      const addReason = (partnerId: string, reason: MatchReason) => {
        const list = reasons.get(partnerId) ?? [];
        if (!list.some((r) => r.type === reason.type && r.value === reason.value)) list.push(reason);
        reasons.set(partnerId, list);
      };

      const emails = query.email.map((value, index) => {
        const email = value.toLowerCase();
        if (!isEmailAddress(email)) throw invalidField(`email.${index}`, `${value} is not an email address`);
        return email;
      });
      const domainSources = new Map<string, string>(); // candidate domain → what was asked
      for (const email of emails) for (const domain of candidateDomains(emailDomain(email)!)) domainSources.set(domain, email);
      query.domain.forEach((value) => {
        const host = value.toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, "").split(/[/?#:]/, 1)[0]!;
        for (const domain of candidateDomains(host)) domainSources.set(domain, value);
      });
      const salesforceKeys = query.salesforce.map((value, index) => {
        if (!isSalesforceId(value)) throw invalidField(`salesforce.${index}`, `${value} is not a 15- or 18-character Salesforce id`);
        return salesforceKey(value);
      });
      const hubspotIds = query.hubspot.map((value, index) => {
        if (!/^[0-9]{1,20}$/.test(value)) throw invalidField(`hubspot.${index}`, `${value} is not a HubSpot company id`);
        return value;
      });

      const lookups: D1PreparedStatement[] = [];
      const kinds: ("email" | "domain" | "salesforce" | "hubspot")[] = [];
      for (const some of chunks(emails)) {
        kinds.push("email");
        lookups.push(db.prepare(
          `SELECT c.partner_id, c.email AS value FROM contacts c JOIN partners p ON p.id = c.partner_id
            WHERE c.workspace_id = ? AND c.email IN (${placeholders(some)}) AND p.archived_at IS NULL`,
          workspaceId, ...some,
        ));
      }
      for (const some of chunks([...domainSources.keys()])) {
        kinds.push("domain");
        lookups.push(db.prepare(`SELECT partner_id, domain AS value FROM partner_domains WHERE workspace_id = ? AND domain IN (${placeholders(some)})`, workspaceId, ...some));
      }
      if (salesforceKeys.length > 0) {
        kinds.push("salesforce");
        lookups.push(db.prepare(`SELECT id AS partner_id, salesforce_account_id AS value FROM partners WHERE workspace_id = ? AND salesforce_key IN (${placeholders(salesforceKeys)}) AND archived_at IS NULL`, workspaceId, ...salesforceKeys));
      }
      if (hubspotIds.length > 0) {
        kinds.push("hubspot");
        lookups.push(db.prepare(`SELECT id AS partner_id, hubspot_company_id AS value FROM partners WHERE workspace_id = ? AND hubspot_company_id IN (${placeholders(hubspotIds)}) AND archived_at IS NULL`, workspaceId, ...hubspotIds));
      }
      const found = await db.batch<{ partner_id: string; value: string }>(lookups);
      found.forEach((result, index) => {
        for (const row of result.results) addReason(row.partner_id, { type: kinds[index]!, value: row.value });
      });
      if (reasons.size === 0) return c.json({ matches: [] }, 200);

      // Strongest matches first; the page shows at most maxMatches partners.
      const best = (id: string) => Math.min(...reasons.get(id)!.map((reason) => strength[reason.type]));
      const ids = [...reasons.keys()].sort((a, b) => best(a) - best(b) || a.localeCompare(b)).slice(0, maxMatches);
      // One round trip for the partners, their domains and everything the sidebar shows of them.
      const [partnerResult, domainResult, ...contextResults] = await db.batch<Record<string, unknown>>([
        db.prepare(`SELECT * FROM partners WHERE workspace_id = ? AND id IN (${placeholders(ids)}) AND archived_at IS NULL`, workspaceId, ...ids),
        db.prepare(`SELECT partner_id, domain FROM partner_domains WHERE workspace_id = ? AND partner_id IN (${placeholders(ids)})`, workspaceId, ...ids),
        ...contextStatements(db, workspaceId, ids),
      ]);
      const rowsById = new Map((partnerResult!.results as unknown as PartnerRow[]).map((row) => [row.id, row]));
      const domainLists = new Map<string, string[]>();
      for (const row of domainResult!.results as { partner_id: string; domain: string }[]) {
        domainLists.set(row.partner_id, [...(domainLists.get(row.partner_id) ?? []), row.domain].sort());
      }
      const now = c.get("now");
      const contexts = new Map(assembleContexts(contextResults, ids.map((id) => rowsById.get(id) ?? ({ id, cadence_days: null } as PartnerRow)), now).map((context, index) => [ids[index]!, context]));
      const matched = ids.flatMap((id) => rowsById.get(id) ?? []).sort((a, b) => best(a.id) - best(b.id) || a.name.localeCompare(b.name));
      const health = await currentHealth(db, workspaceId, matched, now);
      const matches: LookupMatch[] = matched.map((row) => {
        const score = health.get(row.id)!;
        return { partner: partnerToApi(row, domainLists.get(row.id) ?? [], score), matched_by: reasons.get(row.id)!, health: score, ...contexts.get(row.id)! };
      });
      return c.json({ matches }, 200);
    },
  );
}
