/**
 * `npm run token` writes where the running API reads, says which database it
 * used, and is quick: it opens the local SQLite file instead of starting
 * wrangler for every statement (13–22 s a call before).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashApiToken } from "../../shared/api-token.ts";
import { locateD1File } from "../../scripts/local-sqlite.ts";
import { chooseDataDir } from "../../scripts/running-server.ts";

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

describe("which database npm run token uses", () => {
  const running = { pid: 1, url: "http://127.0.0.1:8790", dataDir: "/data/started-with" };

  it("follows the running API when MUTUAL_DATA_DIR is not set", () => {
    expect(chooseDataDir({ configured: undefined, running, defaultDir: "/repo/.mutual" })).toEqual({
      dataDir: "/data/started-with", note: "Database: /data/started-with (the one the API at http://127.0.0.1:8790 uses).",
    });
  });

  it("takes MUTUAL_DATA_DIR when set, and warns when the running API reads another", () => {
    const choice = chooseDataDir({ configured: "/data/other", running, defaultDir: "/repo/.mutual" });
    expect(choice.dataDir).toBe("/data/other");
    expect(choice.note).toMatch(/the API running at http:\/\/127\.0\.0\.1:8790 reads \/data\/started-with; a token made here will not work there/);
    expect(chooseDataDir({ configured: "/data/started-with", running, defaultDir: "/repo/.mutual" }).note).not.toMatch(/Note/);
  });

  it("uses the default, and says so, when nothing runs", () => {
    expect(chooseDataDir({ configured: undefined, running: null, defaultDir: "/repo/.mutual" }).note)
      .toBe("Database: /repo/.mutual (the default; no npm start is running).");
  });
});

describe("npm run token against a local database", () => {
  let dataDir = "";
  const token = (args: string[]) => run(process.execPath, ["--disable-warning=ExperimentalWarning", "scripts/token.ts", ...args], {
    cwd: repoRoot, env: { ...process.env, MUTUAL_DATA_DIR: dataDir }, timeout: 120_000,
  });
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "mutual-token-"));
    // The first call on a new data dir applies the migrations through wrangler.
    await token(["create", "--workspace", "first", "--email", "first@example.com"]);
  }, 130_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("creates a working token in well under 3 s, in the database it names", async () => {
    const started = performance.now();
    const { stdout, stderr } = await token(["create", "--workspace", "acme", "--email", "dev@acme.example", "--role", "admin"]);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(3_000);
    expect(stderr).toContain(`Database: ${dataDir} (MUTUAL_DATA_DIR).`);
    const created = stdout.trim().split("\n").at(-1)!;
    const db = new DatabaseSync(locateD1File(dataDir), { readOnly: true });
    try {
      const row = db.prepare(
        "SELECT m.email, m.role, w.slug FROM api_tokens t JOIN members m ON m.id = t.member_id JOIN workspaces w ON w.id = t.workspace_id WHERE t.token_hash = ?",
      ).get(await hashApiToken(created));
      expect(row).toEqual({ email: "dev@acme.example", role: "admin", slug: "acme" });
    } finally {
      db.close();
    }
  });

  it("makes read-only and expiring tokens, and refuses a scope or expiry that can't be", async () => {
    const { stdout } = await token(["create", "--workspace", "first", "--email", "reports@example.com", "--scope", "read", "--expires-at", "2999-01-01T00:00:00Z"]);
    const created = stdout.trim().split("\n").at(-1)!;
    const db = new DatabaseSync(locateD1File(dataDir), { readOnly: true });
    try {
      expect(db.prepare("SELECT scope, expires_at FROM api_tokens WHERE token_hash = ?").get(await hashApiToken(created)))
        .toEqual({ scope: "read", expires_at: "2999-01-01T00:00:00.000Z" });
    } finally {
      db.close();
    }
    await expect(token(["create", "--workspace", "first", "--email", "x@example.com", "--scope", "admin"])).rejects.toMatchObject({
      stderr: expect.stringContaining("--scope must be read or write"),
    });
    await expect(token(["create", "--workspace", "first", "--email", "x@example.com", "--expires-at", "2020-01-01"])).rejects.toMatchObject({
      stderr: expect.stringContaining("--expires-at must be a time in the future"),
    });
  });

  it("lists and revokes through the same file", async () => {
    const { stdout: listed } = await token(["list", "--workspace", "first"]);
    const id = /tok_[0-9a-z]{24}/.exec(listed)?.[0];
    expect(id).toBeDefined();
    expect((await token(["revoke", id!])).stdout).toBe(`Revoked ${id}.\n`);
    expect((await token(["revoke", id!])).stdout).toMatch(new RegExp(`^${id} was already revoked at `));
  });
});
