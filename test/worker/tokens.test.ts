import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { acmePartner, api, newWorkspace, type TestCaller } from "./api-client.ts";
import { expectError } from "./fixtures.ts";

// Tokens may end (expires_at) and may only read (scope 'read'); auth enforces
// both, the lookup in the same first D1 round trip as its matches.

async function setToken(caller: TestCaller, columns: { expires_at?: string | null; scope?: "read" | "write" }) {
  for (const [column, value] of Object.entries(columns)) {
    await env.DB.prepare(`UPDATE api_tokens SET ${column} = ? WHERE id = ?`).bind(value, caller.tokenId).run();
  }
}

const roundTrips = (header: string | null) => Number(/round_trips=(\d+)/.exec(header ?? "")?.[1] ?? Number.NaN);

describe("token expiry and scope", () => {
  it("an expired token is 401 with a message saying it expired, on every kind of route", async () => {
    const caller = await newWorkspace();
    const partnerId = (await api(caller, "POST", "/v1/partners", { body: acmePartner })).body.id;
    const expiredAt = new Date(Date.now() - 60_000).toISOString();
    await setToken(caller, { expires_at: expiredAt });
    for (const [method, path] of [["GET", "/v1/me"], ["GET", `/v1/partners/${partnerId}`], ["GET", "/v1/lookup?email=jo@acme.co.uk"], ["PATCH", `/v1/partners/${partnerId}`]] as const) {
      const response = await api(caller, method, path, method === "PATCH" ? { body: { tier: "Silver" } } : {});
      const error = expectError(response, 401, "unauthorized");
      expect(error.message, `${method} ${path}`).toContain(`expired at ${expiredAt}`);
    }
    const unchanged = await env.DB.prepare("SELECT tier FROM partners WHERE id = ?").bind(partnerId).first<{ tier: string }>();
    expect(unchanged!.tier).toBe("Gold");
  });

  it("a token expiring later works until then", async () => {
    const caller = await newWorkspace();
    await setToken(caller, { expires_at: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await api(caller, "GET", "/v1/me")).status).toBe(200);
    expect((await api(caller, "GET", "/v1/lookup?email=jo@acme.co.uk")).status).toBe(200);
  });

  it("a read-only token reads but every write is 403, whatever the member's role", async () => {
    const caller = await newWorkspace("owner");
    const partnerId = (await api(caller, "POST", "/v1/partners", { body: acmePartner })).body.id;
    await setToken(caller, { scope: "read" });
    expect((await api(caller, "GET", `/v1/partners/${partnerId}`)).status).toBe(200);
    expect((await api(caller, "GET", "/v1/lookup?domain=acme.co.uk")).body.matches).toHaveLength(1);
    const writes = [
      await api(caller, "POST", "/v1/partners", { body: { ...acmePartner, name: "Other", domains: ["other-partner.co.uk"] } }),
      await api(caller, "PATCH", `/v1/partners/${partnerId}`, { body: { tier: "Silver" } }),
      await api(caller, "DELETE", `/v1/partners/${partnerId}`),
      await api(caller, "POST", `/v1/partners/${partnerId}/contacts`, { body: { email: "new.person@acme.co.uk" } }),
      await api(caller, "PATCH", "/v1/workspace/settings", { body: { health: { default_cadence_days: 30 } } }),
    ];
    for (const response of writes) expect(expectError(response, 403, "forbidden").message).toMatch(/read-only/);
    const partners = await env.DB.prepare("SELECT COUNT(*) AS n FROM partners WHERE workspace_id = ? AND archived_at IS NULL").bind(caller.workspaceId).first<{ n: number }>();
    expect(partners!.n).toBe(1);
  });

  it("last_used_at is written at most once a minute, not on every request", async () => {
    const caller = await newWorkspace();
    await api(caller, "GET", "/v1/me");
    const first = await env.DB.prepare("SELECT last_used_at FROM api_tokens WHERE id = ?").bind(caller.tokenId).first<{ last_used_at: string }>();
    expect(first!.last_used_at).toBeTruthy();
    const again = await api(caller, "GET", "/v1/me");
    expect(again.headers.get("Server-Timing")).toMatch(/rows_written=0 /);
    const second = await env.DB.prepare("SELECT last_used_at FROM api_tokens WHERE id = ?").bind(caller.tokenId).first<{ last_used_at: string }>();
    expect(second!.last_used_at).toBe(first!.last_used_at);
  });
});

describe("the lookup's token check", () => {
  it("runs in the one round trip with the matches and their context, match or none", async () => {
    const caller = await newWorkspace();
    await api(caller, "GET", "/v1/me"); // last_used_at is fresh: no touch below
    expect((await api(caller, "POST", "/v1/partners", { body: acmePartner })).status).toBe(201);
    await api(caller, "GET", "/v1/lookup?domain=acme.co.uk"); // scores it once, if needed
    const hit = await api(caller, "GET", "/v1/lookup?domain=acme.co.uk&email=jo@acme.co.uk");
    expect(hit.body.matches).toHaveLength(1);
    expect(roundTrips(hit.headers.get("Server-Timing"))).toBe(1);
    const miss = await api(caller, "GET", "/v1/lookup?email=jo@unknown-company.org");
    expect(miss.body.matches).toEqual([]);
    expect(roundTrips(miss.headers.get("Server-Timing"))).toBe(1);
  });

  it("an unknown or revoked token is 401 and learns nothing, not even from a 400", async () => {
    const caller = await newWorkspace();
    expect((await api(caller, "POST", "/v1/partners", { body: acmePartner })).status).toBe(201);
    await env.DB.prepare("UPDATE api_tokens SET revoked_at = ? WHERE id = ?").bind(new Date().toISOString(), caller.tokenId).run();
    const revoked = await api(caller, "GET", "/v1/lookup?domain=acme.co.uk");
    expect(expectError(revoked, 401, "unauthorized").message).toMatch(/revoked/);
    expect(revoked.body.matches).toBeUndefined();
    const badQuery = await api(caller, "GET", "/v1/lookup?email=not-an-email");
    expectError(badQuery, 401, "unauthorized");
    const noQuery = await api(caller, "GET", "/v1/lookup");
    expectError(noQuery, 401, "unauthorized");
  });
});
