import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { candidateDomains, emailDomain } from "../../shared/domains.ts";
import { isEmailAddress } from "../../shared/email-address.ts";
import { isSalesforceId, salesforceKey } from "../../shared/salesforce-id.ts";
import { linkedinSlugPattern } from "../../shared/linkedin-slug.ts";
import { lookupQuery, lookupResult, type LookupMatch, type LookupQuery } from "../../shared/schemas/lookup.ts";
import { invalidField } from "../api-error.ts";
import { currentHealth } from "../db/health-store.ts";
import { matchedBy, matchedPartnersStatement, matchedScope, partnerDomains, matchStrength, type LookupKeys, type MatchedColumns } from "../db/lookup-queries.ts";
import { contextOf } from "../db/partner-context.ts";
import { partnerToApi, type PartnerRow } from "../db/partner-record.ts";
import { linkedSql, shareIntoContexts } from "../db/shared-context.ts";
import type { ListedConnection } from "../db/connections.ts";
import { callerByHash, type TokenRow } from "../db/tokens.ts";
import type { AppEnv } from "../env.ts";
import { acceptToken, authenticate } from "../http/auth.ts";
import { jsonResponse, readErrors, security } from "../http/openapi-parts.ts";

/** The query's values, checked and normalized; 400 naming the first bad one. */
function lookupKeys(query: LookupQuery): LookupKeys {
  const emails = query.email.map((value, index) => {
    const email = value.toLowerCase();
    if (!isEmailAddress(email)) throw invalidField(`email.${index}`, `${value} is not an email address`);
    return email;
  });
  const domains = new Set<string>();
  for (const email of emails) for (const domain of candidateDomains(emailDomain(email)!)) domains.add(domain);
  for (const value of query.domain) {
    const host = value.toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, "").split(/[/?#:]/, 1)[0]!;
    for (const domain of candidateDomains(host)) domains.add(domain);
  }
  const salesforceKeys = query.salesforce.map((value, index) => {
    if (!isSalesforceId(value)) throw invalidField(`salesforce.${index}`, `${value} is not a 15- or 18-character Salesforce id`);
    return salesforceKey(value);
  });
  const hubspotIds = query.hubspot.map((value, index) => {
    if (!/^[0-9]{1,20}$/.test(value)) throw invalidField(`hubspot.${index}`, `${value} is not a HubSpot company id`);
    return value;
  });
  const linkedinSlugs = query.linkedin.map((value, index) => {
    const slug = value.toLowerCase();
    if (!linkedinSlugPattern.test(slug)) throw invalidField(`linkedin.${index}`, `${value} is not a LinkedIn company page's name (linkedin.com/company/<name>)`);
    return slug;
  });
  return { emails, domains: [...domains], salesforceKeys, hubspotIds, linkedinSlugs };
}

/** The partner's own columns of a lookup row, without the JSON the lookup added: what the health score and partnerToApi read. */
function partnerColumns(row: PartnerRow & MatchedColumns): PartnerRow {
  const {
    lookup_matched_by: _matchedBy, lookup_domains: _domains, lookup_interactions: _interactions, lookup_open_commitments: _open,
    lookup_referral_counts: _counts, lookup_recent_referrals: _referrals, lookup_goals: _goals, ...partner
  } = row;
  return partner;
}

/** A stranger learns nothing from our validation: the token is checked before a 400. */
async function keysOrUnauthorized(c: Context<AppEnv>, query: LookupQuery): Promise<LookupKeys> {
  try {
    return lookupKeys(query);
  } catch (error) {
    await authenticate(c);
    throw error;
  }
}

export function registerLookupRoute(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "get", path: "/v1/lookup", tags: ["Lookup"], security,
      operationId: "lookup",
      summary: "Everything the sidebar shows for the people or record on screen",
      description:
        "Each of email, domain, salesforce, hubspot and linkedin may be repeated. Email addresses match a partner's contacts exactly and its domains through the public-suffix list (jo@sales.acme.co.uk matches acme.co.uk); free-mail domains never match by domain. Salesforce ids match in their 15- or 18-character form; hubspot is a company record id, linkedin a company page's slug (linkedin.com/company/<slug>), any case. No match is 200 with an empty list.",
      request: { query: lookupQuery },
      responses: { 200: jsonResponse(lookupResult, "The matched partners with their context"), ...readErrors },
    }),
    async (c) => {
      const keys = await keysOrUnauthorized(c, c.req.valid("query"));
      const db = c.get("db");
      // One round trip: the token check, the matched partners with why they
      // matched and their context, and their connections, all scoped by the
      // token itself. Nothing read is used before acceptToken has passed it.
      const scope = matchedScope(c.get("tokenHash"), keys);
      const [token, partnerResult, linkResult] = await db.batch<Record<string, unknown>>([
        callerByHash(db, c.get("tokenHash")), matchedPartnersStatement(db, scope), db.prepare(scope.sql(linkedSql), ...scope.params),
      ]);
      const { workspaceId } = await acceptToken(c, (token!.results[0] as TokenRow | undefined) ?? null);
      const rows = partnerResult!.results as unknown as (PartnerRow & MatchedColumns)[];
      if (rows.length === 0) return c.json({ matches: [] }, 200);

      const reasons = new Map(rows.map((row) => [row.id, matchedBy(row)]));
      const best = (id: string) => Math.min(...reasons.get(id)!.map((reason) => matchStrength[reason.type]));
      const now = c.get("now");
      // Strongest matches first (the SQL kept the strongest maxMatches).
      const matched = rows.sort((a, b) => best(a.id) - best(b.id) || a.name.localeCompare(b.name));
      const contexts = matched.map((row) => contextOf(row, now));
      const partners = matched.map(partnerColumns);
      const links = linkResult!.results as unknown as ListedConnection[];
      const shared = await shareIntoContexts(db, workspaceId, links, new Map(matched.map((row, index) => [row.id, contexts[index]!])), now);
      const health = await currentHealth(db, workspaceId, partners, now);
      const matches: LookupMatch[] = matched.map((row, index) => {
        const score = health.get(row.id)!;
        const fromPartner = shared.get(row.id);
        return {
          partner: partnerToApi(partners[index]!, partnerDomains(row), score), matched_by: reasons.get(row.id)!, health: score, ...contexts[index]!,
          ...(fromPartner ? { new_from_partner: fromPartner } : {}),
        };
      });
      return c.json({ matches }, 200);
    },
  );
}
