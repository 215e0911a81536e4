/**
 * The Gmail fixture page and its table of threads (one source: the JSON
 * block inside fixtures/gmail.html, which the page itself renders from).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const gmailFixturePath = fileURLToPath(new URL("../fixtures/gmail.html", import.meta.url));
export const gmailBaseUrl = "https://mail.google.com/mail/u/0/";

export interface Person { name: string; email: string }
export interface FixtureMessage { id: string; legacyId: string; from: Person; to: Person[]; cc: Person[]; date: string; body: string; bodyPerson?: Person }
export interface FixtureThread { key: "A" | "B" | "C" | "X"; id: string; subject: string; messages: FixtureMessage[] }
export interface Mailbox { me: Person; threads: FixtureThread[] }

export function gmailFixtureHtml(): string {
  return readFileSync(gmailFixturePath, "utf8");
}

export function mailbox(): Mailbox {
  const match = /<script type="application\/json" id="mailbox">([\s\S]*?)<\/script>/.exec(gmailFixtureHtml());
  if (!match) throw new Error(`no <script id="mailbox"> table in ${gmailFixturePath}`);
  return JSON.parse(match[1]!) as Mailbox;
}

export function thread(key: FixtureThread["key"]): FixtureThread {
  const found = mailbox().threads.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no thread ${key} in ${gmailFixturePath}`);
  return found;
}

/** The URL Gmail shows for an open thread in the inbox. */
export function threadUrl(key: FixtureThread["key"]): string {
  return `${gmailBaseUrl}#inbox/${thread(key).id}`;
}
