import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { hashApiToken } from "../../shared/api-token.ts";
import { newId } from "../../shared/ids.ts";
import { ApiError } from "../../worker/api-error.ts";
import { commitWrite, type Writer } from "../../worker/db/commit-write.ts";
import { matchedPartnersStatement, matchedScope } from "../../worker/db/lookup-queries.ts";
import { domainsOf } from "../../worker/db/partner-record.ts";
import {
  auditInsert, decodeCursor, encodeCursor, inChunks, insertRow, keysetAfter, keysetOrderBy, pageOf, type KeysetOrder,
} from "../../worker/db/sql.ts";
import { guardedUpdate, guardFor, StaleWriteError, watchReads } from "../../worker/db/stale-write-guard.ts";
import { callerByHash, type TokenRow } from "../../worker/db/tokens.ts";
import { TrackedDb } from "../../worker/db/tracked-db.ts";
import { newWorkspace, type TestCaller } from "./api-client.ts";

// The query modules called directly against D1 with the real migrations, the
// way Cloudflare's D1 fixture tests its queries: a handle and plain values in,
// rows out, no HTTP.

const now = "2026-06-01T12:00:00.000Z";

async function partnerRows(caller: TestCaller, count: number, name = (i: number) => `Partner ${String(i).padStart(3, "0")}`) {
  const db = new TrackedDb(env.DB);
  const ids = Array.from({ length: count }, () => newId("ptr"));
  await db.batch(ids.flatMap((id, i) => [
    insertRow(db, "partners", {
      id, workspace_id: caller.workspaceId, name: name(i), kind: "isv", status: "active", version: 1, created_at: now, updated_at: now,
    }),
    insertRow(db, "partner_domains", { workspace_id: caller.workspaceId, domain: `p${i}-${id.slice(4, 12)}.example.com`, partner_id: id }),
  ]));
  return ids;
}

const writer = (caller: TestCaller): Writer => ({
  workspaceId: caller.workspaceId, memberId: caller.memberId, tokenId: caller.tokenId, requestId: "req_test", now,
});

describe("db/sql.ts", () => {
  it("inChunks keeps each IN-list under D1's 100 bound parameters", () => {
    expect(inChunks(Array.from({ length: 181 }, (_, i) => i)).map((run) => run.length)).toEqual([90, 90, 1]);
    expect(inChunks([])).toEqual([]);
  });

  it("domainsOf reads a page of partners larger than one IN-list", async () => {
    const caller = await newWorkspace();
    const ids = await partnerRows(caller, 95);
    const domains = await domainsOf(new TrackedDb(env.DB), caller.workspaceId, ids);
    expect([...domains.values()].every((list) => list.length === 1)).toBe(true);
    expect(domains.size).toBe(95);
  });

  it("keyset cursors page through every row once, in order, both ways", async () => {
    const caller = await newWorkspace();
    await partnerRows(caller, 7, (i) => ["Škoda", "东方", "Zeta", "alpha", "Rocket 🚀", "alpha", "Łódź"][i]!);
    const db = new TrackedDb(env.DB);
    for (const descending of [false, true]) {
      const order: KeysetOrder = { expression: "name COLLATE NOCASE", id: "id", descending };
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const after: { clause: string; params: unknown[] } = cursor ? keysetAfter(order, cursor) : { clause: "1 = 1", params: [] };
        const rows = await db.all<{ id: string; name: string }>(
          `SELECT id, name FROM partners WHERE workspace_id = ? AND ${after.clause} ORDER BY ${keysetOrderBy(order)} LIMIT ?`,
          caller.workspaceId, ...after.params, 3,
        );
        const page = pageOf(rows, 2, (row) => [row.name, row.id]);
        seen.push(...page.items.map((row) => row.id));
        cursor = page.nextCursor;
      } while (cursor);
      const all = await db.all<{ id: string }>(
        `SELECT id FROM partners WHERE workspace_id = ? ORDER BY ${keysetOrderBy(order)}`, caller.workspaceId,
      );
      expect(seen).toEqual(all.map((row) => row.id));
    }
  });

  it("a cursor carries any Unicode, and anything else is a 400 naming cursor", () => {
    expect(decodeCursor(encodeCursor("Rocket 🚀 东方 Škoda", "ptr_1"))).toEqual(["Rocket 🚀 东方 Škoda", "ptr_1"]);
    expect(decodeCursor(encodeCursor(-1, "ptr_2"))).toEqual([-1, "ptr_2"]);
    for (const bad of ["nonsense", btoa("[1]"), btoa("\xff\xfe")]) {
      expect(() => decodeCursor(bad)).toThrow(ApiError);
      try {
        decodeCursor(bad);
      } catch (error) {
        expect((error as ApiError).issues?.[0]?.path).toBe("cursor");
      }
    }
  });

  it("an audit row records the token and the request", async () => {
    const caller = await newWorkspace();
    const db = new TrackedDb(env.DB);
    await db.batch([auditInsert(db, {
      workspaceId: caller.workspaceId, actorMemberId: caller.memberId, tokenId: caller.tokenId, requestId: "req_abc",
      entity: "partner", entityId: "ptr_x", action: "update", before: { a: 1 }, after: { a: 2 }, at: now,
    })]);
    const row = await db.first("SELECT actor_member_id, token_id, request_id, before_json, after_json FROM audit_log WHERE workspace_id = ?", caller.workspaceId);
    expect(row).toEqual({ actor_member_id: caller.memberId, token_id: caller.tokenId, request_id: "req_abc", before_json: "{\"a\":1}", after_json: "{\"a\":2}" });
  });
});

describe("db/commit-write.ts", () => {
  it("writes once per idempotency key; a second commit with the key gets the first answer and writes nothing", async () => {
    const caller = await newWorkspace();
    const db = new TrackedDb(env.DB);
    const write = (name: string) => ({
      statements: [insertRow(db, "partners", { id: newId("ptr"), workspace_id: caller.workspaceId, name, kind: "isv", status: "active", version: 1, created_at: now, updated_at: now })],
      audit: [{ entity: "partner", entityId: "ptr_x", action: "create" as const }],
      status: 201 as const,
      body: { name },
    });
    const pending = { key: "key-1", requestHash: "hash-1" };
    expect(await commitWrite(db, writer(caller), write("First"), pending)).toHaveProperty("results");
    const replay = await commitWrite(db, writer(caller), write("Second"), pending);
    expect(replay).toEqual({ stored: { request_hash: "hash-1", status: 201, response_json: "{\"name\":\"First\"}" } });
    const names = await db.all<{ name: string }>("SELECT name FROM partners WHERE workspace_id = ?", caller.workspaceId);
    expect(names).toEqual([{ name: "First" }]);
    const audit = await db.all<{ token_id: string; request_id: string }>("SELECT token_id, request_id FROM audit_log WHERE workspace_id = ?", caller.workspaceId);
    expect(audit).toEqual([{ token_id: caller.tokenId, request_id: "req_test" }]);
  });

  it("a guarded update of a version that moved on is a StaleWriteError and writes nothing, audit included", async () => {
    const caller = await newWorkspace();
    const [id] = await partnerRows(caller, 1);
    const db = new TrackedDb(env.DB);
    const stale = {
      statements: guardedUpdate(db, { table: "partners", id: id!, workspaceId: caller.workspaceId, guard: { version: 7 }, set: { tier: "Gold" }, now }),
      audit: [{ entity: "partner", entityId: id!, action: "update" as const }],
      status: 200 as const,
      body: {},
    };
    await expect(commitWrite(db, writer(caller), stale)).rejects.toBeInstanceOf(StaleWriteError);
    expect(await db.first("SELECT tier, version FROM partners WHERE id = ?", id)).toEqual({ tier: null, version: 1 });
    expect(await db.first("SELECT COUNT(*) AS n FROM audit_log WHERE workspace_id = ?", caller.workspaceId)).toEqual({ n: 0 });
  });
});

describe("db/stale-write-guard.ts", () => {
  const update = (caller: TestCaller, id: string, row: Record<string, unknown>, set: Record<string, unknown>, expectedVersion?: number) => ({
    statements: guardedUpdate(new TrackedDb(env.DB), {
      table: "partners", id, workspaceId: caller.workspaceId, guard: guardFor(row, expectedVersion, Object.keys(set)), set, now,
    }),
    audit: [],
    status: 200 as const,
    body: {},
  });

  it("two changes to different fields, made from the same read, both land; the second answer shows both", async () => {
    const caller = await newWorkspace();
    const [id] = await partnerRows(caller, 1);
    const db = new TrackedDb(env.DB);
    const read = (await db.first<Record<string, unknown>>("SELECT * FROM partners WHERE id = ?", id))!;
    await commitWrite(db, writer(caller), update(caller, id!, read, { tier: "Gold" }));
    const second = await commitWrite(db, writer(caller), update(caller, id!, read, { objectives: "Ten deals" }));
    expect("results" in second && second.results[0]!.results[0]).toMatchObject({ tier: "Gold", objectives: "Ten deals", version: 3 });
  });

  it("two changes to the same field from the same read: the second is stale, and so is any change under a moved If-Match", async () => {
    const caller = await newWorkspace();
    const [id] = await partnerRows(caller, 1);
    const db = new TrackedDb(env.DB);
    const read = (await db.first<Record<string, unknown>>("SELECT * FROM partners WHERE id = ?", id))!;
    await commitWrite(db, writer(caller), update(caller, id!, read, { tier: "Gold" }));
    await expect(commitWrite(db, writer(caller), update(caller, id!, read, { tier: "Silver" }))).rejects.toBeInstanceOf(StaleWriteError);
    await expect(commitWrite(db, writer(caller), update(caller, id!, read, { objectives: "x" }, 1))).rejects.toBeInstanceOf(StaleWriteError);
    expect(await db.first("SELECT tier, objectives, version FROM partners WHERE id = ?", id)).toEqual({ tier: "Gold", objectives: null, version: 2 });
  });

  it("a column the change was computed from joins the guard", async () => {
    const reads = new Set<string>();
    const row = { id: "ptr_1", status: "open", completed_at: null, title: "t" };
    const watched = watchReads(row, reads);
    const completedAt = watched.status === "done" ? watched.completed_at : "2026-06-01";
    expect(guardFor(row, undefined, [...reads, "completed_at"])).toEqual({ columns: { status: "open", completed_at: null } });
    expect(completedAt).toBe("2026-06-01");
    expect(guardFor(row, 4, ["title"])).toEqual({ version: 4 });
  });
});

describe("db/tokens.ts and db/lookup-queries.ts", () => {
  it("the lookup's statement, scoped by a token, sees only that token's workspace, in the batch that checks it", async () => {
    const mine = await newWorkspace();
    const theirs = await newWorkspace();
    const db = new TrackedDb(env.DB);
    await partnerRows(mine, 1);
    const [theirPartner] = await partnerRows(theirs, 1);
    const theirDomain = (await db.first<{ domain: string }>("SELECT domain FROM partner_domains WHERE partner_id = ?", theirPartner))!.domain;
    const keys = { emails: [], domains: [theirDomain], salesforceKeys: [], hubspotIds: [], linkedinSlugs: [] };
    for (const [caller, expected] of [[mine, []], [theirs, [theirPartner]]] as const) {
      const hash = await hashApiToken(caller.token);
      const [token, found] = await db.batch<Record<string, unknown>>([callerByHash(db, hash), matchedPartnersStatement(db, matchedScope(hash, keys))]);
      expect((token!.results[0] as unknown as TokenRow).workspace_id).toBe(caller.workspaceId);
      expect(found!.results.map((row) => row.id)).toEqual(expected);
    }
    // A revoked token scopes to no workspace: no rows, whatever was asked.
    await env.DB.prepare("UPDATE api_tokens SET revoked_at = ? WHERE id = ?").bind(now, theirs.tokenId).run();
    const revoked = matchedPartnersStatement(db, matchedScope(await hashApiToken(theirs.token), keys));
    expect((await db.batch([revoked]))[0]!.results).toEqual([]);
  });
});

describe("db/tracked-db.ts", () => {
  it("counts the time a request waited on D1, round trips and rows", async () => {
    const slowD1 = new Proxy(env.DB, {
      get(target, property) {
        if (property === "batch") {
          return async (statements: D1PreparedStatement[]) => {
            await new Promise((resolve) => setTimeout(resolve, 25));
            return target.batch(statements);
          };
        }
        const value = Reflect.get(target, property);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const db = new TrackedDb(slowD1);
    await db.batch([db.prepare("SELECT 1 AS one"), db.prepare("SELECT 2 AS two")]);
    expect(db.roundTrips).toBe(1);
    expect(db.queries).toBe(2);
    expect(db.durationMs).toBeGreaterThanOrEqual(20);
  });
});
