import { env } from "cloudflare:test";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../worker/env.ts";
import { requireToken, requireWriteAccess } from "../../worker/http/auth.ts";
import { limitBody } from "../../worker/http/body-limit.ts";
import { database } from "../../worker/http/database.ts";
import { errorResponse } from "../../worker/http/error-handler.ts";
import { idempotency } from "../../worker/http/idempotency.ts";
import { limitPerToken, readsPerCharge } from "../../worker/http/rate-limit.ts";
import { requestId } from "../../worker/http/request-id.ts";
import { docsPolicy, noStore } from "../../worker/http/security-headers.ts";
import { serverTiming } from "../../worker/http/server-timing.ts";
import { addMember, newWorkspace } from "./api-client.ts";

// Each middleware alone on a small app, called with app.request (Hono's
// own testing style): what it adds, what it refuses, nothing else.

function appWith(...middleware: MiddlewareHandler<AppEnv>[]): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(errorResponse);
  app.use("*", requestId, database, ...middleware);
  return app;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe("database", () => {
  it("hands every request its own tracked handle and one clock", async () => {
    const app = new Hono<AppEnv>();
    app.use("*", database);
    const seen: unknown[] = [];
    app.get("/", async (c) => {
      seen.push(c.get("db"));
      await c.get("db").first("SELECT 1 AS one");
      return c.json({ queries: c.get("db").queries, now: c.get("now").toISOString() });
    });
    const [first, second] = [await app.request("/", {}, env), await app.request("/", {}, env)];
    expect(await first.json()).toMatchObject({ queries: 1, now: expect.stringMatching(/^\d{4}-/) });
    expect((await second.json() as { queries: number }).queries).toBe(1);
    expect(seen[0]).not.toBe(seen[1]);
  });
});

describe("requestId", () => {
  it("names each answer, errors included, with a fresh id", async () => {
    const app = appWith();
    app.get("/ok", (c) => c.json({ id: c.get("requestId") }));
    app.get("/fails", () => {
      throw new Error("boom");
    });
    const ok = await app.request("/ok", {}, env);
    const id = ok.headers.get("X-Request-Id");
    expect(id).toMatch(/^req_[0-9a-f]{32}$/);
    expect(((await ok.json()) as { id: string }).id).toBe(id);
    const again = await app.request("/ok", {}, env);
    expect(again.headers.get("X-Request-Id")).not.toBe(id);
    const failed = await app.request("/fails", { headers: { "X-Request-Id": "client-chosen" } }, env);
    expect(failed.status).toBe(500);
    expect(failed.headers.get("X-Request-Id")).toMatch(/^req_[0-9a-f]{32}$/);
  });
});

describe("requireToken and requireWriteAccess", () => {
  const app = appWith(requireToken(), requireWriteAccess);
  app.get("/read", (c) => c.json(c.get("caller")));
  app.post("/write", (c) => c.json({ wrote: true }));

  it("401 without a token, with a malformed one, and with an unknown one", async () => {
    for (const headers of [{}, { Authorization: "Basic abc" }, bearer(`mutual_${"0".repeat(40)}`)]) {
      const response = await app.request("/read", { headers }, env);
      expect(response.status).toBe(401);
    }
  });

  it("sets the caller from a live token", async () => {
    const caller = await newWorkspace("member");
    const response = await app.request("/read", { headers: bearer(caller.token) }, env);
    expect(await response.json()).toMatchObject({ workspaceId: caller.workspaceId, memberId: caller.memberId, role: "member", scope: "write" });
  });

  it("lets members write and refuses viewers (403)", async () => {
    const owner = await newWorkspace("owner");
    const viewer = await addMember(owner.workspaceId, "viewer");
    expect((await app.request("/write", { method: "POST", headers: bearer(owner.token) }, env)).status).toBe(200);
    expect((await app.request("/write", { method: "POST", headers: bearer(viewer.token) }, env)).status).toBe(403);
    expect((await app.request("/read", { headers: bearer(viewer.token) }, env)).status).toBe(200);
  });

  it("a route that folds the check in gets the hash and no caller yet", async () => {
    const folding = appWith(requireToken({ foldedInto: ["GET /folded"] }));
    folding.get("/folded", (c) => c.json({ hash: c.get("tokenHash"), caller: c.get("caller") ?? null }));
    const caller = await newWorkspace();
    const body = (await (await folding.request("/folded", { headers: bearer(caller.token) }, env)).json()) as { hash: string; caller: unknown };
    expect(body.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(body.caller).toBeNull();
  });
});

describe("limitPerToken", () => {
  /** A rate-limit binding that counts what it is asked and says yes until `allowed` runs out. */
  function fakeLimit(allowed = Infinity) {
    const fake = { asked: 0, limit: async () => ({ success: ++fake.asked <= allowed }) };
    return fake;
  }

  function limitedApp(writes: ReturnType<typeof fakeLimit>, reads: ReturnType<typeof fakeLimit>) {
    const handled: string[] = [];
    const app = new Hono<AppEnv>();
    app.onError(errorResponse);
    app.use("*", async (c, next) => {
      c.set("tokenHash", c.req.header("X-Test-Token")!);
      await next();
    }, limitPerToken);
    app.get("/read", (c) => (handled.push(`read ${c.get("tokenHash")}`), c.json({ ok: true })));
    app.post("/write", (c) => (handled.push(`write ${c.get("tokenHash")}`), c.json({ ok: true })));
    const bindings = { ...env, TOKEN_LIMIT: writes, TOKEN_READ_LIMIT: reads };
    const send = (method: "GET" | "POST", token: string) =>
      app.request(method === "GET" ? "/read" : "/write", { method, headers: { "X-Test-Token": token } }, bindings);
    return { send, handled };
  }

  it("charges reads to their own binding ten at a time, in advance, and every write to the write binding", async () => {
    const [writes, reads] = [fakeLimit(), fakeLimit()];
    const { send } = limitedApp(writes, reads);
    const token = crypto.randomUUID();
    const statuses = await Promise.all(Array.from({ length: 2 * readsPerCharge + 1 }, async () => (await send("GET", token)).status));
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(reads.asked).toBe(3);
    expect(writes.asked).toBe(0);
    for (let i = 0; i < 2; i++) expect((await send("POST", token)).status).toBe(200);
    expect(writes.asked).toBe(2);
    expect(reads.asked).toBe(3);
  });

  it("a read over budget is answered 429, and the token's later reads and writes are turned away without a word to the bindings", async () => {
    const [writes, reads] = [fakeLimit(), fakeLimit(1)];
    const { send, handled } = limitedApp(writes, reads);
    const [busy, other] = [crypto.randomUUID(), crypto.randomUUID()];
    for (let i = 0; i < readsPerCharge; i++) expect((await send("GET", busy)).status).toBe(200);
    const over = await send("GET", busy);
    expect(over.status).toBe(429);
    expect(over.headers.get("Retry-After")).toBe("60");
    const handledBefore = handled.length;
    expect((await send("GET", busy)).status).toBe(429);
    expect((await send("POST", busy)).status).toBe(429);
    expect(handled.length).toBe(handledBefore);
    expect([reads.asked, writes.asked]).toEqual([2, 0]);
    // Another token has its own budget (this fake has none left, so its first read is refused too: one question).
    expect((await send("POST", other)).status).toBe(200);
  });

  it("a write over budget is refused before it runs", async () => {
    const [writes, reads] = [fakeLimit(0), fakeLimit()];
    const { send, handled } = limitedApp(writes, reads);
    const token = crypto.randomUUID();
    const refused = await send("POST", token);
    expect(refused.status).toBe(429);
    expect(handled).toEqual([]);
    expect((await send("GET", token)).status).toBe(200);
  });
});

describe("idempotency", () => {
  it("answers a retry with the stored answer and refuses the key with another body (422)", async () => {
    const app = appWith(requireToken(), idempotency);
    let handled = 0;
    app.post("/things", (c) => {
      handled += 1;
      // What commitWrite stores in the same batch as the write.
      return c.json({ pending: c.get("idempotency") ?? null }, 201);
    });
    const caller = await newWorkspace();
    const post = (body: string) => app.request("/things", { method: "POST", body, headers: { ...bearer(caller.token), "Idempotency-Key": "k-1" } }, env);
    const first = await post("{\"a\":1}");
    expect(((await first.json()) as { pending: { key: string } }).pending.key).toBe("k-1");
    const { requestHash } = (await (await post("{\"a\":1}")).json() as { pending: { requestHash: string } }).pending;
    await env.DB.prepare(
      "INSERT INTO idempotency_keys (workspace_id, member_id, key, request_hash, status, response_json, created_at) VALUES (?, ?, ?, ?, 201, ?, ?)",
    ).bind(caller.workspaceId, caller.memberId, "k-1", requestHash, JSON.stringify({ stored: true }), new Date().toISOString()).run();
    handled = 0;
    const retry = await post("{\"a\":1}");
    expect(retry.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await retry.json()).toEqual({ stored: true });
    expect((await post("{\"a\":2}")).status).toBe(422);
    expect(handled).toBe(0);
    const badKey = await app.request("/things", { method: "POST", body: "{}", headers: { ...bearer(caller.token), "Idempotency-Key": "has space" } }, env);
    expect(badKey.status).toBe(400);
  });
});

describe("serverTiming", () => {
  it("reports the database's cost to authenticated callers only", async () => {
    const app = appWith(serverTiming);
    app.get("/public", async (c) => c.json(await c.get("db").first("SELECT 1 AS one")));
    app.get("/private", requireToken(), async (c) => c.json(await c.get("db").first("SELECT 1 AS one")));
    expect((await app.request("/public", {}, env)).headers.get("Server-Timing")).toBeNull();
    const caller = await newWorkspace();
    await app.request("/private", { headers: bearer(caller.token) }, env); // touches last_used_at once
    const timing = (await app.request("/private", { headers: bearer(caller.token) }, env)).headers.get("Server-Timing");
    // The token check and the route's query; durations are tested with TrackedDb (db.test.ts).
    expect(timing).toMatch(/^db;dur=[\d.]+;desc="rows_read=\d+ rows_written=0 queries=2 round_trips=2"$/);
  });
});

describe("limitBody", () => {
  const app = appWith(limitBody(1024));
  app.post("/echo", async (c) => c.json({ length: (await c.req.text()).length }));

  /** A chunked body (no Content-Length) of `total` bytes, counting what was read of it. */
  function chunkedBody(total: number) {
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= total) return controller.close();
        const size = Math.min(64 * 1024, total - sent);
        sent += size;
        controller.enqueue(new Uint8Array(size).fill(120));
      },
    });
    return { stream, sent: () => sent };
  }

  it("hands a body within the limit on unchanged", async () => {
    const response = await app.request("/echo", { method: "POST", body: "x".repeat(1024) }, env);
    expect(await response.json()).toEqual({ length: 1024 });
  });

  it("413 for a declared size over the limit", async () => {
    const response = await app.request("/echo", { method: "POST", body: "x".repeat(1025) }, env);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
  });

  it("413 for a 10 MB chunked body, read to its end so the client can read the answer", async () => {
    const body = chunkedBody(10 * 1024 * 1024);
    const response = await app.request("/echo", { method: "POST", body: body.stream, duplex: "half" } as RequestInit, env);
    expect(response.status).toBe(413);
    expect(body.sent()).toBe(10 * 1024 * 1024);
  });
});

describe("security headers", () => {
  it("no-store and nosniff on API answers; a CSP and no framing on the docs", async () => {
    const app = appWith();
    app.get("/v1/thing", noStore, (c) => c.json({}));
    app.get("/v1/docs", docsPolicy, (c) => c.html("<p>docs</p>"));
    const api = await app.request("/v1/thing", {}, env);
    expect(api.headers.get("Cache-Control")).toBe("no-store");
    expect(api.headers.get("X-Content-Type-Options")).toBe("nosniff");
    const docs = await app.request("/v1/docs", {}, env);
    expect(docs.headers.get("Content-Security-Policy")).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
    expect(docs.headers.get("Content-Security-Policy")).not.toMatch(/script-src/);
    expect(docs.headers.get("X-Frame-Options")).toBe("DENY");
  });
});
