/**
 * Once per e2e run: builds the extension (into a directory of its own), starts
 * one `wrangler dev` of the real Worker on a free loopback port with a fresh
 * data directory (migrations applied), creates a workspace, its owner and a
 * token, and seeds the test data through the API. A small loopback control
 * server lets the "API down" test stop and restart that same wrangler dev.
 * Everything is stopped and removed in teardown; wrangler's process group is
 * also killed if this process exits any other way.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { newId } from "../../shared/ids.ts";
import { applyMigrations, executeSql, localD1 } from "../../scripts/local-d1.ts";
import { memberSql, newTokenSql, workspaceSql } from "../../scripts/token-rows.ts";
import { sqlLiteral } from "../../demo/sql-literal.ts";
import { apiClient } from "./harness/api.ts";
import { buildExtension } from "./harness/build.ts";
import type { E2eEnv } from "./harness/context.ts";
import { seed } from "./harness/seed.ts";
import { ApiServer, freePort, host } from "./harness/wrangler.ts";

const workspaceName = "Northwind Cloud (e2e)";
const memberEmail = "me@northwind-cloud.com";

function log(message: string): void {
  process.stderr.write(`[e2e setup] ${message}\n`);
}

/** Runs scripts/local-d1.ts's wrangler d1 commands against our data directory (it reads MUTUAL_DATA_DIR). */
async function withDataDir<T>(dataDir: string, work: () => Promise<T>): Promise<T> {
  const before = process.env.MUTUAL_DATA_DIR;
  process.env.MUTUAL_DATA_DIR = dataDir;
  try {
    return await work();
  } finally {
    if (before === undefined) delete process.env.MUTUAL_DATA_DIR;
    else process.env.MUTUAL_DATA_DIR = before;
  }
}

function controlServer(api: ApiServer, dataDir: string): Promise<Server> {
  let busy: Promise<void> = Promise.resolve();
  const server = createServer((request, response) => {
    const match = request.method === "POST" ? /^\/api\/(stop|start|revoke)(?:\/(tok_[0-9A-Za-z]+))?$/.exec(request.url ?? "") : null;
    const action = match?.[1];
    if (!action || (action === "revoke") !== Boolean(match?.[2])) {
      response.writeHead(404).end("POST /api/stop, /api/start or /api/revoke/<token id>");
      return;
    }
    busy = busy.then(async () => {
      try {
        const wasRunning = api.running;
        if (action === "revoke") await withDataDir(dataDir, () => executeSql(revokeSql(match![2]!), localD1));
        else if (action === "stop") await api.stop();
        else await api.start();
        if (wasRunning !== api.running) log(action === "stop" ? "API stopped" : `API started again at ${api.url}`);
        response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ ok: true }));
      } catch (error) {
        response.writeHead(500).end(error instanceof Error ? error.message : String(error));
      }
    });
  });
  return new Promise((resolve) => server.listen(0, host, () => resolve(server)));
}

/** What `npm run token -- revoke` does, for the test that a revoked token's writes wait. */
function revokeSql(tokenId: string): string {
  return `UPDATE api_tokens SET revoked_at = ${sqlLiteral(new Date().toISOString())} WHERE id = ${sqlLiteral(tokenId)};`;
}

/** A workspace with no partners, its owner and their tokens, for the tests of who queued writes are sent as. */
async function otherWorkspace(input: { slug: string; name: string; email: string; tokens: number; now: Date }) {
  const workspaceId = newId("wsp");
  const memberId = newId("mem");
  const tokens = await Promise.all(Array.from({ length: input.tokens }, () => newTokenSql({ workspaceId, memberId, label: "e2e", now: input.now })));
  const sql = [
    workspaceSql({ id: workspaceId, slug: input.slug, name: input.name, now: input.now }),
    memberSql({ id: memberId, workspaceId, email: input.email, role: "owner", now: input.now }),
    ...tokens.map((token) => token.sql),
  ];
  return { sql, workspace: { workspaceName: input.name, memberEmail: input.email, tokens: tokens.map(({ id, token }) => ({ id, token })) } };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const root = mkdtempSync(join(tmpdir(), "mutual-e2e-"));
  const dataDir = join(root, "data");
  const buildDir = join(root, "build");
  mkdirSync(dataDir);
  const artifactsDir = process.env.MUTUAL_E2E_ARTIFACTS ?? join(tmpdir(), "mutual-e2e-artifacts", new Date().toISOString().replace(/[:.]/g, "-"));
  mkdirSync(artifactsDir, { recursive: true });
  const wranglerLog = join(artifactsDir, "wrangler-dev.log");
  const api = new ApiServer({ port: await freePort(), dataDir, logFile: wranglerLog });
  let control: Server | undefined;

  const teardown = async () => {
    control?.close();
    await api.stop();
    rmSync(root, { recursive: true, force: true });
    // Keep the artifacts only when there is something to look at (a failure report) or they were asked for.
    if (!process.env.MUTUAL_E2E_ARTIFACTS && readdirSync(artifactsDir).every((name) => name === "wrangler-dev.log")) {
      rmSync(artifactsDir, { recursive: true, force: true });
    }
  };

  try {
    log(`building the extension and migrating D1 in ${root}`);
    const [extensionPath, { token, others }] = await Promise.all([
      buildExtension(buildDir),
      withDataDir(dataDir, async () => {
        await applyMigrations(localD1);
        const now = new Date();
        const workspaceId = newId("wsp");
        const memberId = newId("mem");
        const created = await newTokenSql({ workspaceId, memberId, label: "e2e", now });
        const initech = await otherWorkspace({ slug: "e2e-initech", name: "Initech (e2e)", email: "ana@initech.example", tokens: 2, now });
        const umbrella = await otherWorkspace({ slug: "e2e-umbrella", name: "Umbrella (e2e)", email: "bo@umbrella.example", tokens: 1, now });
        await executeSql([
          workspaceSql({ id: workspaceId, slug: "e2e-northwind", name: workspaceName, now }),
          memberSql({ id: memberId, workspaceId, email: memberEmail, role: "owner", now }),
          created.sql,
          ...initech.sql,
          ...umbrella.sql,
        ].join("\n"), localD1);
        return { token: created.token, others: { first: initech.workspace, second: umbrella.workspace } };
      }),
    ]);
    log(`starting wrangler dev at ${api.url} (log: ${wranglerLog})`);
    await api.start();
    const seeded = await seed(apiClient(api.url, token));
    control = await controlServer(api, dataDir);
    const address = control.address();
    const controlUrl = `http://${host}:${typeof address === "object" && address ? address.port : 0}`;

    const env: E2eEnv = {
      extensionPath, apiUrl: api.url, token, workspaceName, memberEmail, controlUrl, artifactsDir, wranglerLog, seed: seeded, others,
    };
    project.provide("mutualE2e", env);
    log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s; failure artifacts go to ${artifactsDir}`);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
