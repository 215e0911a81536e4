/**
 * What a store reviewer checks first in an extension package, checked here
 * before anyone uploads it: the version, permissions no wider than the sites
 * we read, no code from elsewhere, no API token baked in by a local build.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { repoRoot } from "./local-d1.ts";

/** The files of a .zip, by name. Stored (0) and deflated (8) entries: what WXT and every zip tool write. */
export function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("not a zip file: no end of central directory");
  const count = zip.readUInt16LE(end + 10);
  let cursor = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(cursor) !== 0x02014b50) throw new Error(`zip entry ${index} is damaged`);
    const method = zip.readUInt16LE(cursor + 10);
    const compressedSize = zip.readUInt32LE(cursor + 20);
    const nameLength = zip.readUInt16LE(cursor + 28);
    const extraLength = zip.readUInt16LE(cursor + 30);
    const commentLength = zip.readUInt16LE(cursor + 32);
    const localHeader = zip.readUInt32LE(cursor + 42);
    const name = zip.toString("utf8", cursor + 46, cursor + 46 + nameLength);
    const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    if (!name.endsWith("/")) {
      if (method !== 0 && method !== 8) throw new Error(`${name}: compression method ${method} is not supported`);
      files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    }
    cursor += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

/** Each permission the extension asks for; docs/store-listing.md says why, one sentence each. */
export const allowedPermissions = ["storage", "alarms", "notifications", "contextMenus", "sidePanel"];
/** The only pages the content scripts run on. */
export const allowedMatches = ["https://mail.google.com/*", "https://*.lightning.force.com/*", "https://*.my.salesforce.com/*", "https://calendar.google.com/*"];
/** Outlook on the web: its mail pages for the content script, the whole host for the sidebar's frame (Chrome allows no narrower path there). */
export const outlookMatches = {
  contentScripts: ["https://outlook.office.com/mail/*", "https://outlook.office365.com/mail/*", "https://outlook.live.com/mail/*"],
  frame: ["https://outlook.office.com/*", "https://outlook.office365.com/*", "https://outlook.live.com/*"],
};
/** HubSpot's record pages and LinkedIn (an app whose company pages open in place) for the content scripts; the whole hosts for the frame. */
export const crmMatches = {
  contentScripts: ["https://*.hubspot.com/contacts/*", "https://www.linkedin.com/*"],
  frame: ["https://*.hubspot.com/*", "https://www.linkedin.com/*"],
};
export const iconSizes = ["16", "32", "48", "128"];

interface Manifest {
  manifest_version?: number;
  name?: string;
  description?: string;
  version?: string;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  content_scripts?: { matches?: string[] }[];
  web_accessible_resources?: { resources?: string[]; matches?: string[] }[];
  content_security_policy?: string | Record<string, string>;
  icons?: Record<string, string>;
}

const remoteScript = /<script[^>]+src\s*=\s*["']?(?:https?:)?\/\//i;
const remoteImport = /\b(?:importScripts|import)\s*\(\s*["'`](?:https?:)?\/\//;
const bakedToken = /mutual_[0-9a-z]{40}/;

/** Every way the package falls short of what a store accepts and we promise; empty when it is fine. */
export function packageProblems(files: Map<string, Buffer>, expectedVersion: string): string[] {
  const manifestFile = files.get("manifest.json");
  if (!manifestFile) return ["manifest.json is missing"];
  const manifest = JSON.parse(manifestFile.toString("utf8")) as Manifest;
  const problems: string[] = [];
  if (manifest.version !== expectedVersion) problems.push(`version is ${manifest.version}, package.json says ${expectedVersion}`);
  if (!manifest.name?.trim()) problems.push("name is empty");
  // Chrome's store cuts descriptions at 132 characters.
  if (!manifest.description?.trim() || manifest.description.length > 132) problems.push("description is empty or over 132 characters");
  const permissions = [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])];
  const hostPermissions = [...(manifest.host_permissions ?? []), ...permissions.filter((permission) => permission.includes("://") || permission === "<all_urls>")];
  for (const permission of permissions) {
    if (!allowedPermissions.includes(permission) && !hostPermissions.includes(permission)) problems.push(`asks for permission "${permission}"`);
  }
  for (const host of hostPermissions) problems.push(`asks for host access to "${host}"`);
  // The sidebar's frame is web-accessible to the sites the content scripts run on, and no others.
  const reaches: [string, { matches?: string[] }[] | undefined, string[]][] = [
    ["a content script runs on", manifest.content_scripts, [...outlookMatches.contentScripts, ...crmMatches.contentScripts]],
    ["pages are web-accessible to", manifest.web_accessible_resources, [...outlookMatches.frame, ...crmMatches.frame]],
  ];
  for (const [what, entries, newerSites] of reaches) {
    for (const match of (entries ?? []).flatMap((entry) => entry.matches ?? [])) {
      if (!allowedMatches.includes(match) && !newerSites.includes(match)) problems.push(`${what} "${match}"`);
    }
  }
  const policies = typeof manifest.content_security_policy === "string"
    ? [manifest.content_security_policy] : Object.values(manifest.content_security_policy ?? {});
  for (const policy of policies) {
    if (/unsafe-eval|unsafe-inline|https?:|\*/.test(policy)) problems.push(`content security policy allows code from elsewhere or eval: "${policy}"`);
  }
  for (const size of iconSizes) {
    const icon = manifest.icons?.[size];
    if (!icon || !files.has(icon.replace(/^\//, ""))) problems.push(`no ${size} px icon`);
  }
  for (const [name, content] of files) {
    const text = /\.(?:html|js|json|css)$/.test(name) ? content.toString("utf8") : "";
    if (name.endsWith(".html") && remoteScript.test(text)) problems.push(`${name} loads a script from another server`);
    if (name.endsWith(".js") && remoteImport.test(text)) problems.push(`${name} imports code from another server`);
    if (bakedToken.test(text)) problems.push(`${name} holds an API token (a local build's defaults)`);
  }
  return problems;
}

/**
 * web-ext lint's findings we accept, each for a reason a reviewer can check:
 * Preact's own `dangerouslySetInnerHTML` support (our code never uses it;
 * test/shared/store-package.test.ts makes sure) and zod's probe of whether
 * `Function` is allowed, which the extension's CSP refuses and zod then skips.
 */
const acceptedLintWarnings = new Set(["UNSAFE_VAR_ASSIGNMENT", "DANGEROUS_EVAL"]);

interface LintMessage { code: string; file?: string; message: string }
interface LintReport { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] }

export function lintFirefoxPackage(files: Map<string, Buffer>): string[] {
  const folder = mkdtempSync(join(tmpdir(), "mutual-firefox-"));
  try {
    for (const [name, content] of files) {
      mkdirSync(dirname(join(folder, name)), { recursive: true });
      writeFileSync(join(folder, name), content);
    }
    const webExt = join(repoRoot, "node_modules", "web-ext", "bin", "web-ext.js");
    const linted = spawnSync(process.execPath, [webExt, "lint", "--source-dir", folder, "--output", "json", "--no-config-discovery"], {
      cwd: repoRoot, encoding: "utf8", env: { ...process.env, NO_UPDATE_NOTIFIER: "1", CI: "true" },
    });
    const start = linted.stdout.indexOf("{");
    if (start < 0) return [`web-ext lint printed no report:\n${linted.stderr}`];
    const report = JSON.parse(linted.stdout.slice(start)) as LintReport;
    return [
      ...report.errors.map((error) => `web-ext lint error ${error.code} in ${error.file ?? "the package"}: ${error.message}`),
      ...report.warnings
        .filter((warning) => !acceptedLintWarnings.has(warning.code))
        .map((warning) => `web-ext lint warning ${warning.code} in ${warning.file ?? "the package"}: ${warning.message}`),
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
