import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../shared/ids.ts";
import { applyMigrations, executeSql, localD1 } from "../../scripts/local-d1.ts";
import { memberSql, newTokenSql, workspaceSql } from "../../scripts/token-rows.ts";
import { ApiServer, freePort } from "./harness/wrangler.ts";

// A server of its own (own port, own data), killed with SIGKILL while writes
// with Idempotency-Keys are in flight, then started again on the same data.
// A write the client was told succeeded must be there; retrying every key
// must create nothing that already exists and at most one record per key.

const writers = 8;
// Killed after this many acknowledged writes, so the kill lands mid-burst.
const acknowledgedBeforeCrash = 120;

interface Attempt {
  key: string;
  body: { name: string; domains: string[]; kind: string };
  /** The partner id the server answered with, if it answered. */
  acknowledgedId?: string;
}

let root: string;
let server: ApiServer;
let token: string;

async function post(attempt: Attempt): Promise<Response> {
  return fetch(`${server.url}/v1/partners`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", "Idempotency-Key": attempt.key },
    body: JSON.stringify(attempt.body),
    signal: AbortSignal.timeout(15_000),
  });
}

async function get<T>(path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as T };
}

async function allPartnerIds(): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { status: number; body: { items: { id: string }[]; next_cursor: string | null } } =
      await get(`/v1/partners?limit=100${cursor ? `&cursor=${cursor}` : ""}`);
    expect(page.status).toBe(200);
    ids.push(...page.body.items.map((item) => item.id));
    cursor = page.body.next_cursor;
  } while (cursor);
  return ids;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "mutual-crash-"));
  const dataDir = join(root, "data");
  const before = process.env.MUTUAL_DATA_DIR;
  process.env.MUTUAL_DATA_DIR = dataDir;
  try {
    await applyMigrations(localD1);
    const now = new Date();
    const workspaceId = newId("wsp");
    const memberId = newId("mem");
    const created = await newTokenSql({ workspaceId, memberId, label: "crash test", now });
    await executeSql([
      workspaceSql({ id: workspaceId, slug: "crash-test", name: "Crash test", now }),
      memberSql({ id: memberId, workspaceId, email: "owner@crash-test.example", role: "owner", now }),
      created.sql,
    ].join("\n"), localD1);
    token = created.token;
  } finally {
    if (before === undefined) delete process.env.MUTUAL_DATA_DIR;
    else process.env.MUTUAL_DATA_DIR = before;
  }
  server = new ApiServer({ port: await freePort(), dataDir, logFile: join(root, "wrangler-dev.log") });
  await server.start();
});

afterAll(async () => {
  await server?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("killing the server in the middle of a burst of writes", () => {
  it("loses no acknowledged write, and retries with the same keys create nothing new", async () => {
    const attempts: Attempt[] = [];
    let acknowledged = 0;
    let crashed: Promise<void> | null = null;
    const pid = server.pid;
    expect(pid).toBeGreaterThan(0);

    await Promise.all(Array.from({ length: writers }, async (_, writer) => {
      for (let n = 0; !crashed; n++) {
        const attempt: Attempt = {
          key: `crash-${writer}-${n}`,
          body: { name: `Crash partner ${writer}-${n}`, domains: [`crash-${writer}-${n}.example.com`], kind: "reseller" },
        };
        attempts.push(attempt);
        try {
          const response = await post(attempt);
          const body = (await response.json()) as { id?: string };
          if (response.status === 201 && body.id) {
            attempt.acknowledgedId = body.id;
            if (++acknowledged === acknowledgedBeforeCrash) crashed = server.crash();
          }
        } catch {
          // The server died under this request: not acknowledged.
        }
      }
    }));
    await crashed;
    const acknowledgedAttempts = attempts.filter((attempt) => attempt.acknowledgedId);
    expect(acknowledgedAttempts.length).toBeGreaterThanOrEqual(acknowledgedBeforeCrash);
    expect(server.running).toBe(false);
    console.info(`crash test: ${acknowledgedAttempts.length} writes acknowledged, ${attempts.length - acknowledgedAttempts.length} in flight at the kill`);

    await server.start();
    for (const attempt of acknowledgedAttempts) {
      const stored = await get<{ id: string; name: string }>(`/v1/partners/${attempt.acknowledgedId}`);
      expect(stored.status, `${attempt.key} was acknowledged as ${attempt.acknowledgedId}`).toBe(200);
      expect(stored.body.name).toBe(attempt.body.name);
    }

    // A client that never heard back retries everything, with the same keys.
    for (const attempt of attempts) {
      const response = await post(attempt);
      const body = (await response.json()) as { id: string };
      expect(response.status, `${attempt.key}: ${JSON.stringify(body)}`).toBe(201);
      if (attempt.acknowledgedId) {
        expect(body.id, `${attempt.key} answered with a new record`).toBe(attempt.acknowledgedId);
        expect(response.headers.get("Idempotent-Replayed")).toBe("true");
      }
    }
    const ids = await allPartnerIds();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length, "one partner per key, whatever was in flight at the kill").toBe(attempts.length);
    // Retrying once more changes nothing at all.
    for (const attempt of attempts.slice(0, 20)) expect((await post(attempt)).headers.get("Idempotent-Replayed")).toBe("true");
    expect((await allPartnerIds()).length).toBe(attempts.length);
  });
});
