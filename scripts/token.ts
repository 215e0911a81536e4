/**
 * `npm run token -- create|revoke|list`: API tokens for the local database
 * or, with --remote, the deployed one. Locally it follows the API `npm start`
 * is running (whatever MUTUAL_DATA_DIR that terminal had), says which
 * database it used, and writes the SQLite file directly: well under a second.
 * `create` prints the new token as its last line, so scripts can take it with
 * `| tail -n 1`; everything else goes to stderr.
 */
import { parseArgs } from "node:util";
import { newId } from "../shared/ids.ts";
import { sqlLiteral } from "../demo/sql-literal.ts";
import { dataDir } from "./local-d1.ts";
import { chooseDataDir, runningServer } from "./running-server.ts";
import { type ScriptDatabase, localDatabase, remoteDatabase } from "./database.ts";
import { memberSql, newTokenSql, workspaceSql } from "./token-rows.ts";

const usage = `Usage:
  npm run token -- create --workspace <slug> --email <address> [--role owner|admin|member|viewer] [--label <text>]
                     [--scope read|write] [--expires-at <ISO 8601 time>] [--remote]
  npm run token -- revoke <token id> [--remote]
  npm run token -- list --workspace <slug> [--remote]`;

const roles = ["owner", "admin", "member", "viewer"] as const;
type Role = (typeof roles)[number];
const slugPattern = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const emailPattern = /^[^\s@'"]+@[a-z0-9.-]+\.[a-z]{2,}$/;

class UsageError extends Error {}

function parse(argv: string[]) {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h") throw new UsageError("name a command: create, revoke or list");
  let parsed;
  try {
    parsed = parseArgs({
      args: rest, allowPositionals: true, strict: true,
      options: {
        workspace: { type: "string" }, email: { type: "string" }, role: { type: "string" },
        label: { type: "string" }, scope: { type: "string" }, "expires-at": { type: "string" }, remote: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return { command, values: parsed.values, positionals: parsed.positionals };
}

function requireSlug(value: string | undefined): string {
  if (value === undefined) throw new UsageError("--workspace <slug> is required");
  const slug = value.trim().toLowerCase();
  if (!slugPattern.test(slug)) {
    throw new UsageError(`--workspace "${value}" is not a slug: use a-z, 0-9 and "-", at most 63 characters`);
  }
  return slug;
}

async function create(values: ReturnType<typeof parse>["values"], positionals: string[], db: ScriptDatabase) {
  if (positionals.length > 0) throw new UsageError(`create takes no positional arguments (got "${positionals[0]}")`);
  const slug = requireSlug(values.workspace);
  if (values.email === undefined) throw new UsageError("--email <address> is required");
  const email = values.email.trim().toLowerCase();
  if (!emailPattern.test(email) || email.length > 254) throw new UsageError(`--email "${values.email}" is not an email address`);
  if (values.role !== undefined && !roles.includes(values.role as Role)) {
    throw new UsageError(`--role must be one of ${roles.join(", ")} (got "${values.role}")`);
  }
  const label = values.label?.trim() || null;
  if (label !== null && label.length > 200) throw new UsageError("--label must be at most 200 characters");
  const scope = values.scope ?? "write";
  if (scope !== "read" && scope !== "write") throw new UsageError(`--scope must be read or write (got "${values.scope}")`);
  const expiresAt = values["expires-at"] === undefined ? null : Date.parse(values["expires-at"]);
  if (expiresAt !== null && (Number.isNaN(expiresAt) || expiresAt <= Date.now())) {
    throw new UsageError(`--expires-at must be a time in the future, e.g. 2027-03-31T00:00:00Z (got "${values["expires-at"]}")`);
  }

  const now = new Date();
  const statements: string[] = [];
  const [found] = await db.rows<{ workspace_id: string; member_id: string | null; role: Role | null }>(
    `SELECT w.id AS workspace_id, m.id AS member_id, m.role
       FROM workspaces w LEFT JOIN members m ON m.workspace_id = w.id AND m.email = ${sqlLiteral(email)}
      WHERE w.slug = ${sqlLiteral(slug)}`,
  );
  const workspaceId = found?.workspace_id ?? newId("wsp");
  if (!found) {
    statements.push(workspaceSql({ id: workspaceId, slug, name: slug, now }));
    console.error(`Creating workspace "${slug}".`);
  }
  const member = found?.member_id ? { id: found.member_id, role: found.role! } : undefined;
  const memberId = member?.id ?? newId("mem");
  if (!member) {
    // The first person in a new workspace owns it; later ones join as members.
    const role = (values.role as Role | undefined) ?? (found ? "member" : "owner");
    statements.push(memberSql({ id: memberId, workspaceId, email, role, now }));
    console.error(`Adding ${email} to "${slug}" as ${role}.`);
  } else if (values.role !== undefined && values.role !== member.role) {
    console.error(`${email} is already ${member.role} in "${slug}"; --role ${values.role} is not applied to existing members.`);
  }
  const token = await newTokenSql({
    workspaceId, memberId, label, now, scope, expiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString(),
  });
  statements.push(token.sql);
  await db.execute(statements.join("\n"));
  console.error(`Created token ${token.id} (${token.prefix}…) for ${email} in "${slug}"${db.remote ? " (remote)" : ""}.`);
  console.error("It is shown once; only its hash is stored:");
  console.log(token.token);
}

async function revoke(positionals: string[], values: ReturnType<typeof parse>["values"], db: ScriptDatabase) {
  const extra = (["workspace", "email", "role", "label", "scope", "expires-at"] as const).find((flag) => values[flag] !== undefined);
  if (extra) throw new UsageError(`revoke does not take --${extra}`);
  if (positionals.length !== 1) throw new UsageError("revoke needs exactly one token id (tok_…); see `npm run token -- list`");
  const id = positionals[0]!;
  if (!/^tok_[0-9a-z]{24}$/.test(id)) throw new UsageError(`"${id}" is not a token id (tok_ and 24 characters)`);
  const revoked = await db.rows(
    `UPDATE api_tokens SET revoked_at = ${sqlLiteral(new Date().toISOString())}
     WHERE id = ${sqlLiteral(id)} AND revoked_at IS NULL RETURNING id`,
  );
  if (revoked.length > 0) {
    console.log(`Revoked ${id}.`);
    return;
  }
  const [existing] = await db.rows<{ revoked_at: string }>(`SELECT revoked_at FROM api_tokens WHERE id = ${sqlLiteral(id)}`);
  if (existing) {
    console.log(`${id} was already revoked at ${existing.revoked_at}.`);
    return;
  }
  console.error(`No token with id ${id}${db.remote ? " in the remote database" : ""}.`);
  process.exitCode = 1;
}

async function list(values: ReturnType<typeof parse>["values"], positionals: string[], db: ScriptDatabase) {
  if (positionals.length > 0) throw new UsageError(`list takes no positional arguments (got "${positionals[0]}")`);
  const slug = requireSlug(values.workspace);
  const [workspace] = await db.rows<{ id: string }>(`SELECT id FROM workspaces WHERE slug = ${sqlLiteral(slug)}`);
  if (!workspace) {
    console.error(`No workspace "${slug}".`);
    process.exitCode = 1;
    return;
  }
  const rows = await db.rows<Record<string, string | null>>(
    `SELECT t.id, t.prefix, m.email, m.role, t.label, t.scope, t.created_at, t.expires_at, t.last_used_at, t.revoked_at
       FROM api_tokens t JOIN members m ON m.id = t.member_id
      WHERE t.workspace_id = ${sqlLiteral(workspace.id)} ORDER BY t.created_at, t.id`,
  );
  if (rows.length === 0) {
    console.log(`No tokens in "${slug}".`);
    return;
  }
  const columns = ["id", "prefix", "email", "role", "label", "scope", "created_at", "expires_at", "last_used_at", "revoked_at"];
  const cells = rows.map((row) => columns.map((column) => row[column] ?? "-"));
  const widths = columns.map((column, i) => Math.max(column.length, ...cells.map((line) => line[i]!.length)));
  for (const line of [columns, ...cells]) console.log(line.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd());
}

async function main(): Promise<void> {
  let db: ScriptDatabase | undefined;
  try {
    const { command, values, positionals } = parse(process.argv.slice(2));
    if (values.remote === true) {
      // The remote database is migrated by `npm run deploy`, never from here.
      db = remoteDatabase();
    } else {
      const choice = chooseDataDir({ configured: process.env.MUTUAL_DATA_DIR, running: runningServer(), defaultDir: dataDir() });
      console.error(choice.note);
      // wrangler (for a database that still needs its migrations) reads it from here.
      process.env.MUTUAL_DATA_DIR = choice.dataDir;
      db = await localDatabase(choice.dataDir);
    }
    if (command === "create") await create(values, positionals, db);
    else if (command === "revoke") await revoke(positionals, values, db);
    else if (command === "list") await list(values, positionals, db);
    else throw new UsageError(`unknown command "${command}"; use create, revoke or list`);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`npm run token: ${error.message}\n\n${usage}`);
      process.exit(2);
    }
    console.error(`npm run token: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  } finally {
    db?.close();
  }
}

await main();
