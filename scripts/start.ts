/**
 * `npm start`: the API on this machine with a demo workspace, no Cloudflare
 * account needed. Applies migrations to the local D1 under MUTUAL_DATA_DIR
 * (default .mutual/) when it lacks any, seeds the demo workspace the first
 * time, keeps one demo token in <data dir>/demo-token so restarts print the
 * same one, then runs `wrangler dev` in the foreground until Ctrl-C. The
 * database file is read and written directly (scripts/local-sqlite.ts), not
 * through a wrangler process per statement.
 */
import { spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { hashApiToken, tokenPattern } from "../shared/api-token.ts";
import { demoHealthSnapshots } from "../demo/demo-backfill.ts";
import { buildDemoWorkspace, defaultDemoSlug, demoHistoryMonths, demoPartners, toInsertStatements } from "../demo/demo-data.ts";
import { insertStatements, sqlLiteral } from "../demo/sql-literal.ts";
import { type ScriptDatabase, localDatabase } from "./database.ts";
import { dataDir, repoRoot, spawnWranglerAttached } from "./local-d1.ts";
import { isPortFree, nextFreePort, portHolder, waitForPortFree } from "./port.ts";
import { forgetRunningServer, recordRunningServer } from "./running-server.ts";
import { newTokenSql } from "./token-rows.ts";

const host = "127.0.0.1";
let port = Number(process.env.PORT ?? 8787);
let baseUrl = `http://${host}:${port}`;
/** The running `wrangler dev`, stopped with us whatever way we exit. */
let dev: ChildProcess | undefined;

async function main(): Promise<void> {
  if (!Number.isInteger(port) || port < 1 || port > 65_535) fail(`PORT must be a port number, not "${process.env.PORT}"`);
  port = await choosePort(port);
  baseUrl = `http://${host}:${port}`;
  const directory = dataDir();
  mkdirSync(directory, { recursive: true });
  console.log(`Data: ${directory}`);

  console.log("Opening the database (applying migrations it lacks)…");
  const db = await localDatabase(directory);

  const [{ count } = { count: 0 }] = await db.rows<{ count: number }>("SELECT count(*) AS count FROM workspaces");
  if (count === 0) await seedDemoWorkspace(db);
  const token = await ensureDemoToken(directory, db);

  const extensionDir = token ? await buildSignedInExtension(token) : null;

  console.log(`Starting the API on ${baseUrl}…`);
  dev = spawnWranglerAttached([
    "dev", "--local", "--persist-to", directory, "--port", String(port), "--ip", host,
    "--show-interactive-dev-session=false",
  ]);
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopping = true;
      dev?.kill(signal);
    });
  }
  const exited = new Promise<number>((resolve) => dev!.on("exit", (code, signal) => resolve(code ?? (signal ? 0 : 1))));
  const ready = await Promise.race([waitForHealth(), exited.then(() => false)]);
  if (!ready) {
    if (stopping) process.exit(0);
    fail(`wrangler dev stopped before ${baseUrl}/healthz answered; see its output above.`);
  }
  // `npm run token` reads this to write where this server reads.
  recordRunningServer({ pid: process.pid, url: baseUrl, dataDir: directory });
  process.on("exit", () => forgetRunningServer(process.pid));
  await scorePartnerships();
  await printWelcome(db, token, extensionDir);
  const code = await exited;
  process.exit(stopping ? 0 : code);
}

async function seedDemoWorkspace(db: ScriptDatabase): Promise<void> {
  console.log(`Seeding demo workspace (${demoPartners.length} partners, ${demoHistoryMonths} months of history)…`);
  const now = new Date();
  const workspace = buildDemoWorkspace({ now });
  await db.execute(toInsertStatements(workspace).join("\n"));
  // Trends from day one: the past 180 days, from the seeded history as it stood each day.
  await db.execute(insertStatements("health_snapshots", demoHealthSnapshots(workspace, now)).join("\n"));
}

/**
 * The demo owner's token: the saved one if the database still accepts it,
 * otherwise a new one (first run, a deleted file, or a database reset).
 */
async function ensureDemoToken(directory: string, db: ScriptDatabase): Promise<string | null> {
  const tokenFile = join(directory, "demo-token");
  const saved = existsSync(tokenFile) ? readFileSync(tokenFile, "utf8").trim() : "";
  if (tokenPattern.test(saved)) {
    const live = await db.rows(
      `SELECT t.id FROM api_tokens t JOIN workspaces w ON w.id = t.workspace_id
       WHERE t.token_hash = ${sqlLiteral(await hashApiToken(saved))} AND t.revoked_at IS NULL
         AND w.slug = ${sqlLiteral(defaultDemoSlug)}`,
    );
    if (live.length > 0) return saved;
  }
  const [owner] = await db.rows<{ workspace_id: string; member_id: string }>(
    `SELECT m.workspace_id, m.id AS member_id FROM members m JOIN workspaces w ON w.id = m.workspace_id
     WHERE w.slug = ${sqlLiteral(defaultDemoSlug)} AND m.role = 'owner' ORDER BY m.created_at, m.id LIMIT 1`,
  );
  if (!owner) return null;
  const created = await newTokenSql({
    workspaceId: owner.workspace_id, memberId: owner.member_id, label: "demo (npm start)", now: new Date(),
  });
  await db.execute(created.sql);
  writeFileSync(tokenFile, `${created.token}\n`, { mode: 0o600 });
  return created.token;
}

async function waitForHealth(timeoutMs = 120_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await answers("/healthz")) return true;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  fail(`${baseUrl}/healthz did not answer within ${timeoutMs / 1000} s.`);
}

async function answers(path: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}${path}`, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/**
 * Builds the Chrome extension with the local API's URL and the demo token as
 * its defaults, so it works as soon as it is loaded. The token stays in this
 * machine's build folder (.output/, git-ignored).
 */
async function buildSignedInExtension(token: string): Promise<string | null> {
  console.log("Building the browser extension…");
  // WXT's own script with this Node: node_modules/.bin/wxt is a .cmd on Windows.
  const wxt = join(repoRoot, "node_modules", "wxt", "bin", "wxt.mjs");
  const built = spawnSync(process.execPath, [wxt, "build"], {
    cwd: repoRoot,
    env: { ...process.env, WXT_MUTUAL_API_URL: baseUrl, WXT_MUTUAL_API_TOKEN: token },
    encoding: "utf8",
  });
  if (built.status !== 0) {
    console.error(`The extension did not build; the API still starts.\n${built.stdout}${built.stderr}`);
    return null;
  }
  return join(repoRoot, ".output", "chrome-mv3");
}

/**
 * Runs the nightly job once: local dev has no cron, and freshly seeded
 * partners have no score yet (lists sort by it).
 */
async function scorePartnerships(): Promise<void> {
  console.log("Scoring partnerships (the nightly job, run once now)…");
  try {
    const response = await fetch(`${baseUrl}/cdn-cgi/local/scheduled?cron=17+3+*+*+*`, { signal: AbortSignal.timeout(300_000) });
    await response.arrayBuffer();
    if (!response.ok) console.warn(`The nightly job answered HTTP ${response.status}; scores appear as partners are read.`);
  } catch (error) {
    console.warn(`The nightly job did not run (${error instanceof Error ? error.message : String(error)}); scores appear as partners are read.`);
  }
}

/** Prints only what exists: each link is checked before it is shown. */
async function printWelcome(db: ScriptDatabase, token: string | null, extensionDir: string | null): Promise<void> {
  const lines = ["", `Mutual API: ${baseUrl}`];
  if (token) {
    lines.push(`Demo token (workspace "${defaultDemoSlug}"): ${token}`);
    const [example] = await db.rows<{ domain: string }>(
      `SELECT d.domain FROM partner_domains d JOIN workspaces w ON w.id = d.workspace_id
       WHERE w.slug = ${sqlLiteral(defaultDemoSlug)}
       ORDER BY d.domain = ${sqlLiteral(demoPartners[0]!.domains[0]!)} DESC, d.domain LIMIT 1`,
    );
    if (example) {
      lines.push("Try:", `  curl -H "Authorization: Bearer ${token}" "${baseUrl}/v1/lookup?domain=${example.domain}"`);
    }
  } else {
    lines.push(`No "${defaultDemoSlug}" workspace here; create a token with:`,
      "  npm run token -- create --workspace <slug> --email <you@company.com>");
  }
  if (await answers("/v1/docs")) lines.push(`API reference: ${baseUrl}/v1/docs`);
  const docsDir = join(repoRoot, "docs");
  if (existsSync(docsDir) && readdirSync(docsDir).some((name) => name.endsWith(".md"))) {
    lines.push(`Guides: ${docsDir}/`);
  }
  if (extensionDir && existsSync(join(extensionDir, "manifest.json"))) {
    lines.push(
      `Browser extension (signed in to this API): ${extensionDir}`,
      "  Chrome: chrome://extensions → Developer mode → Load unpacked → choose that folder,",
      "  then open a Gmail or Outlook thread with someone from a demo partner, or a partner's Salesforce Account or HubSpot company.",
    );
  }
  lines.push("Press Ctrl-C to stop.", "");
  console.log(lines.join("\n"));
}

/**
 * The port to serve on: the one asked for, once it is free. A server just
 * stopped can hold it for a moment while it exits, so a busy port is given a
 * few seconds first; if something really listens there, say what and take
 * the next free port (the extension is built for whichever is chosen).
 */
async function choosePort(wanted: number): Promise<number> {
  if (await isPortFree(wanted, host)) return wanted;
  console.log(`Port ${wanted} is busy; waiting a few seconds in case a server there is stopping…`);
  if (await waitForPortFree(wanted, host)) return wanted;
  const holder = portHolder(wanted);
  const next = await nextFreePort(wanted, host);
  if (next === null) fail(`Port ${wanted} on ${host} is used by ${holder}, and the next 20 are taken too; stop it or set PORT=…`);
  console.log(`Port ${wanted} on ${host} is used by ${holder}; using ${next} instead (set PORT to choose another).`);
  return next;
}

function fail(message: string): never {
  dev?.kill("SIGTERM");
  console.error(`npm start: ${message}`);
  process.exit(1);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
