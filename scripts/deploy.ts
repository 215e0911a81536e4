/**
 * `npm run deploy`: puts the API on Cloudflare (docs/deploy.md explains each
 * step). Checks you are logged in, creates the D1 database the first time
 * (writing its id into wrangler.toml), applies migrations remotely, deploys.
 * `npm run deploy -- --dry-run` only bundles the Worker, offline.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { databaseName, repoRoot, runWrangler, runWranglerOrThrow, wranglerMessage } from "./local-d1.ts";

const placeholderId = "00000000-0000-0000-0000-000000000000";
const configPath = join(repoRoot, "wrangler.toml");
const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

async function dryRun(): Promise<void> {
  const outdir = mkdtempSync(join(tmpdir(), "mutual-deploy-"));
  console.log("Bundling the Worker without uploading (wrangler deploy --dry-run)…");
  await runWranglerOrThrow(["deploy", "--dry-run", "--outdir", outdir], "The dry run", { echo: true });
  const files = readdirSync(outdir).map((name) => `${name} (${Math.round(statSync(join(outdir, name)).size / 1024)} KiB)`);
  console.log(`\nDry run passed. Bundle in ${outdir}: ${files.join(", ")}`);
}

async function deploy(): Promise<void> {
  console.log("Checking your Cloudflare login (wrangler whoami)…");
  const whoami = await runWrangler(["whoami"]);
  if (whoami.code !== 0 || /not authenticated|not logged in/i.test(whoami.stdout + whoami.stderr)) {
    fail([
      "wrangler is not logged in to Cloudflare. Either",
      "  npx wrangler login        (opens a browser; for your own machine), or",
      "  export CLOUDFLARE_API_TOKEN=… CLOUDFLARE_ACCOUNT_ID=…",
      "                            (an API token with Workers Scripts: Edit and D1: Edit; for CI),",
      "then run `npm run deploy` again. docs/deploy.md has the details.",
    ].join("\n"));
  }

  const databaseId = await ensureDatabase();
  console.log(`D1 database "${databaseName}": ${databaseId}`);

  console.log("Applying migrations to the remote database…");
  await runWranglerOrThrow(["d1", "migrations", "apply", databaseName, "--remote"], "Applying remote migrations", { echo: true });

  console.log("Deploying the Worker…");
  const deployed = await runWranglerOrThrow(["deploy"], "wrangler deploy", { echo: true });
  const url = /https:\/\/[^\s"']+\.workers\.dev/.exec(deployed.stdout + deployed.stderr)?.[0];
  console.log([
    "",
    url ? `Deployed: ${url}  (check: curl ${url}/healthz)` : "Deployed (wrangler printed no workers.dev URL; see routes in the Cloudflare dashboard).",
    "Next: create an API token for the first person of your workspace:",
    "  npm run token -- create --remote --workspace <slug> --email <you@company.com>",
    ...(url ? [`API reference: ${url}/v1/docs`] : []),
  ].join("\n"));
}

/** The database id from wrangler.toml, creating the database the first time. */
async function ensureDatabase(): Promise<string> {
  const config = readFileSync(configPath, "utf8");
  const configured = /^\s*database_id\s*=\s*"([^"]*)"/m.exec(config)?.[1];
  if (configured === undefined) fail(`${configPath} has no database_id in its [[d1_databases]] block.`);
  if (configured !== placeholderId) return configured;

  console.log(`Creating the D1 database "${databaseName}" (wrangler d1 create)…`);
  const created = await runWrangler(["d1", "create", databaseName]);
  // wrangler prints a config snippet with the new id (it edits only JSON configs itself).
  const printed = /database_id\W+([0-9a-f-]{36})/.exec(created.stdout)?.[1] ?? uuidPattern.exec(created.stdout)?.[0];
  let id = created.code === 0 ? printed : undefined;
  if (!id) {
    // Created on an earlier run whose wrangler.toml edit was lost: find it by name.
    const listed = await runWrangler(["d1", "list", "--json"]);
    const start = listed.stdout.indexOf("[");
    const databases = start >= 0 ? JSON.parse(listed.stdout.slice(start)) as { name: string; uuid: string }[] : [];
    id = databases.find((database) => database.name === databaseName)?.uuid;
  }
  if (!id) fail(`could not create or find the D1 database "${databaseName}":\n${wranglerMessage(created)}`);
  writeFileSync(configPath, config.replace(`"${placeholderId}"`, `"${id}"`));
  console.log(`Wrote database_id = "${id}" into wrangler.toml; commit that change.`);
  return id;
}

function fail(message: string): never {
  console.error(`npm run deploy: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  let dry = false;
  try {
    dry = parseArgs({ args: process.argv.slice(2), options: { "dry-run": { type: "boolean", default: false } } }).values["dry-run"];
  } catch (error) {
    console.error(`npm run deploy: ${(error as Error).message}\n\nUsage: npm run deploy [-- --dry-run]`);
    process.exit(2);
  }
  await (dry ? dryRun() : deploy());
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
