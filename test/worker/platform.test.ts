import { createScheduledController, env } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { nightlyRefresh } from "../../worker/cron/nightly-refresh.ts";
import worker from "../../worker/index.ts";
import { acmePartner, api, newWorkspace } from "./api-client.ts";

describe("health, identity and documentation", () => {
  it("answers /healthz without a token", async () => {
    const response = await api(null, "GET", "/healthz");
    expect(response).toMatchObject({ status: 200, body: { ok: true } });
    // Database figures are for authenticated callers only; every answer names its request.
    expect(response.headers.get("Server-Timing")).toBeNull();
    expect(response.headers.get("X-Request-Id")).toMatch(/^req_[0-9a-f]{32}$/);
  });

  it("answers /healthz with 503 when the database cannot be read", async () => {
    const brokenDb = new Proxy(env.DB, {
      get(target, property) {
        if (property === "prepare") {
          return () => ({ bind: () => { throw new Error("D1_ERROR: no such database"); }, all: () => Promise.reject(new Error("D1_ERROR: no such database")) });
        }
        const value = Reflect.get(target, property);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const response = await worker.fetch(new Request("https://api.mutual.test/healthz"), { ...env, DB: brokenDb }, {
        waitUntil: () => {}, passThroughOnException: () => {}, props: {},
      } as unknown as ExecutionContext);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: "database_unavailable" } });
      expect(errors).toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });

  it("marks every authenticated answer no-store and nosniff, errors included", async () => {
    const caller = await newWorkspace();
    for (const [method, path] of [["GET", "/v1/me"], ["GET", "/v1/partners/ptr_nope"], ["GET", "/v1/lookup?email=jo@acme.co.uk"]] as const) {
      const response = await api(caller, method, path);
      expect(response.headers.get("Cache-Control"), path).toBe("no-store");
      expect(response.headers.get("X-Content-Type-Options"), path).toBe("nosniff");
      expect(response.headers.get("X-Request-Id"), path).toMatch(/^req_/);
    }
    const docs = await api(null, "GET", "/v1/docs");
    expect(docs.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
    expect(docs.headers.get("X-Frame-Options")).toBe("DENY");
  });

  it("tells a token who it belongs to", async () => {
    const caller = await newWorkspace("admin");
    const response = await api(caller, "GET", "/v1/me");
    expect(response.body).toMatchObject({ member: { id: caller.memberId, email: caller.email, role: "admin" }, token: { id: caller.tokenId } });
    expect(response.body.token.prefix).toBe(caller.token.slice(0, 12));
    const used = await env.DB.prepare("SELECT last_used_at FROM api_tokens WHERE id = ?").bind(caller.tokenId).first<{ last_used_at: string }>();
    expect(used!.last_used_at).toBeTruthy();
  });

  it("explains a missing or bad token", async () => {
    const missing = await api(null, "GET", "/v1/partners");
    expect(missing.status).toBe(401);
    expect(missing.body.error.message).toMatch(/Authorization: Bearer/);
    const wrong = await api(null, "GET", "/v1/partners", { headers: { Authorization: "Bearer mutual_0000000000000000000000000000000000000000" } });
    expect(wrong.body.error.message).toMatch(/unknown or has been revoked/);
  });

  it("publishes an OpenAPI 3.1 document and a readable page, both without a token", async () => {
    const document = await api(null, "GET", "/v1/openapi.json");
    expect(document.status).toBe(200);
    expect(document.body.openapi).toBe("3.1.0");
    for (const path of ["/v1/partners", "/v1/partners/{id}", "/v1/lookup", "/v1/commitments", "/v1/partners/{id}/meetings", "/v1/referrals/{id}", "/v1/me"]) {
      expect(Object.keys(document.body.paths)).toContain(path);
    }
    expect(document.body.components.schemas.Partner).toBeDefined();
    const page = await api(null, "GET", "/v1/docs");
    expect(page.status).toBe(200);
    expect(page.headers.get("Content-Type")).toMatch(/text\/html/);
    expect(page.body).toContain("/v1/lookup");
    expect(page.body).not.toMatch(/<script/i);
  });

  it("names every operation once, documents 415 wherever a body is taken, and shows bodies' fields in the docs", async () => {
    const document = (await api(null, "GET", "/v1/openapi.json")).body;
    const operations = Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })));
    expect(operations.length).toBeGreaterThan(20);
    const ids = operations.map(({ name, operation }) => operation.operationId ?? `(none on ${name})`);
    expect(ids.filter((id) => id.startsWith("(none"))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { name, operation } of operations) {
      if (operation.requestBody) expect(Object.keys(operation.responses), name).toContain("415");
    }
    const page = (await api(null, "GET", "/v1/docs")).body as string;
    const partnerCreate = page.slice(page.indexOf("Add a partner"), page.indexOf("List partners"));
    expect(partnerCreate).toContain("business_model");
    expect(partnerCreate).not.toContain("#/components/schemas/PartnerCreate");
  });

  it("answers unknown routes, wrong content types and malformed JSON with the error shape", async () => {
    const caller = await newWorkspace();
    const unknown = await api(caller, "GET", "/v1/nothing-here");
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    const malformed = await api(caller, "POST", "/v1/partners", { rawBody: "{\"name\": ", headers: { "Content-Type": "application/json" } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("invalid_request");
    const text = await api(caller, "POST", "/v1/partners", { rawBody: "name=Acme", headers: { "Content-Type": "text/plain" } });
    expect(text.status).toBe(415);
    expect(text.body.error).toEqual({ code: "unsupported_media_type", message: "Send the body as JSON with Content-Type: application/json" });
  });

  it("lets browser extensions through CORS and keeps other origins out", async () => {
    const preflight = await api(null, "OPTIONS", "/v1/lookup", {
      headers: { Origin: "chrome-extension://abcdefghijklmnopabcdefghijklmnop", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "authorization" },
    });
    expect(preflight.headers.get("Access-Control-Allow-Origin")).toBe("chrome-extension://abcdefghijklmnopabcdefghijklmnop");
    const stranger = await api(null, "OPTIONS", "/v1/lookup", { headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "GET" } });
    expect(stranger.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });
});

describe("nightly refresh", () => {
  it("marks quiet active partners dormant, audits it, and leaves the rest alone", async () => {
    const caller = await newWorkspace();
    const quiet = (await api(caller, "POST", "/v1/partners", { body: { ...acmePartner, created_at: "2025-01-01T00:00:00Z" } })).body.id;
    await api(caller, "POST", `/v1/partners/${quiet}/interactions`, { body: { kind: "email", direction: "inbound", occurred_at: "2026-01-01T00:00:00Z" } });
    const lively = (await api(caller, "POST", "/v1/partners", { body: { name: "Globex", kind: "si", status: "active", cadence_days: 30, created_at: "2025-01-01T00:00:00Z" } })).body.id;
    await api(caller, "POST", `/v1/partners/${lively}/interactions`, { body: { kind: "call", direction: "outbound", occurred_at: new Date().toISOString() } });
    const prospect = (await api(caller, "POST", "/v1/partners", { body: { name: "Initech", kind: "isv", status: "prospect", created_at: "2025-01-01T00:00:00Z" } })).body.id;

    const report = await nightlyRefresh(env.DB, new Date());
    expect(report.markedDormant).toBeGreaterThanOrEqual(1);
    const status = async (id: string) => (await api(caller, "GET", `/v1/partners/${id}`)).body;
    expect(await status(quiet)).toMatchObject({ status: "dormant", version: 2 });
    expect((await status(lively)).status).toBe("active");
    expect((await status(prospect)).status).toBe("prospect");
    const audit = await env.DB.prepare("SELECT action, actor_member_id FROM audit_log WHERE entity_id = ? AND action = 'system'").bind(quiet).first();
    expect(audit).toEqual({ action: "system", actor_member_id: null });
  });

  /** env.DB whose batches fail with `message` whenever `fails()` says so. */
  function failingBatches(message: string, fails: (statements: D1PreparedStatement[]) => boolean): D1Database {
    return new Proxy(env.DB, {
      get(target, property) {
        if (property === "batch") {
          return (statements: D1PreparedStatement[]) => (fails(statements) ? Promise.reject(new Error(message)) : target.batch(statements));
        }
        const value = Reflect.get(target, property);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }

  const dormancyBatch = (statements: D1PreparedStatement[]) => statements.length === 3;

  it("counts a partner changed meanwhile as skipped, not failed", async () => {
    const caller = await newWorkspace();
    const quiet = (await api(caller, "POST", "/v1/partners", { body: { ...acmePartner, created_at: "2025-01-01T00:00:00Z" } })).body.id;
    const db = failingBatches("D1_ERROR: CHECK constraint failed: stale_write: SQLITE_CONSTRAINT", dormancyBatch);
    const report = await nightlyRefresh(db, new Date());
    expect(report.skippedChanged).toBeGreaterThanOrEqual(1);
    expect(report.failed).toBe(0);
    expect((await api(caller, "GET", `/v1/partners/${quiet}`)).body.status).toBe("active");
  });

  it("logs and counts any other failure, and still does the rest of the night's work", async () => {
    const caller = await newWorkspace();
    const quiet = (await api(caller, "POST", "/v1/partners", { body: { ...acmePartner, created_at: "2025-01-01T00:00:00Z" } })).body.id;
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const report = await nightlyRefresh(failingBatches("D1_ERROR: database is locked", dormancyBatch), new Date());
      expect(report.failed).toBeGreaterThanOrEqual(1);
      expect(report.scored).toBeGreaterThanOrEqual(1);
      expect(errors).toHaveBeenCalledWith(expect.stringMatching(/marking dormant partners failed/), expect.objectContaining({ message: "D1_ERROR: database is locked" }));
    } finally {
      errors.mockRestore();
    }
    expect((await api(caller, "GET", `/v1/partners/${quiet}`)).body.status).toBe("active");
  });

  it("runs from the Worker's scheduled handler", async () => {
    const caller = await newWorkspace();
    const quiet = (await api(caller, "POST", "/v1/partners", { body: { ...acmePartner, created_at: "2025-01-01T00:00:00Z" } })).body.id;
    await worker.scheduled(createScheduledController({ scheduledTime: new Date(), cron: "17 3 * * *" }), env);
    expect((await api(caller, "GET", `/v1/partners/${quiet}`)).body.status).toBe("dormant");
  });
});
