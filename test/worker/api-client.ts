import { env } from "cloudflare:test";
import { newApiToken, hashApiToken } from "../../shared/api-token.ts";
import { newId } from "../../shared/ids.ts";
import type { MemberRole } from "../../shared/schemas/me.ts";
import worker from "../../worker/index.ts";

export interface TestCaller {
  workspaceId: string;
  memberId: string;
  token: string;
  tokenId: string;
  email: string;
}

/** A fresh workspace with one member and token, so tests never see each other's rows. */
export async function newWorkspace(role: MemberRole = "owner", slug = `ws-${newId("wsp").slice(4, 14)}`): Promise<TestCaller> {
  const workspaceId = newId("wsp");
  const now = new Date().toISOString();
  await env.DB.prepare("INSERT INTO workspaces (id, slug, name, created_at) VALUES (?, ?, ?, ?)").bind(workspaceId, slug, slug, now).run();
  return addMember(workspaceId, role);
}

export async function addMember(workspaceId: string, role: MemberRole): Promise<TestCaller> {
  const memberId = newId("mem");
  const email = `${role}-${memberId.slice(4, 10)}@northwind.example`;
  const now = new Date().toISOString();
  const { token, prefix } = newApiToken();
  const tokenId = newId("tok");
  await env.DB.batch([
    env.DB.prepare("INSERT INTO members (id, workspace_id, email, role, created_at) VALUES (?, ?, ?, ?, ?)").bind(memberId, workspaceId, email, role, now),
    env.DB.prepare("INSERT INTO api_tokens (id, workspace_id, member_id, token_hash, prefix, created_at) VALUES (?, ?, ?, ?, ?, ?)")
      .bind(tokenId, workspaceId, memberId, await hashApiToken(token), prefix, now),
  ]);
  return { workspaceId, memberId, token, tokenId, email };
}

export interface ApiResponse<Body = any> {
  status: number;
  body: Body;
  headers: Headers;
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as is: a string, or bytes that need not be UTF-8. */
  rawBody?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
}

let clientCounter = 0;

/** Calls the worker's fetch handler as a client would, in-process. */
export async function api<Body = any>(caller: TestCaller | null, method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<Body>> {
  const headers = new Headers(options.headers);
  if (caller) headers.set("Authorization", `Bearer ${caller.token}`);
  // Failed authentications are limited per client address; a test that means
  // to be one client says so, the rest must not share one budget of 401s.
  if (!headers.has("CF-Connecting-IP")) headers.set("CF-Connecting-IP", `2001:db8::${(++clientCounter).toString(16)}`);
  let body: string | Uint8Array<ArrayBuffer> | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has("Content-Type")) headers.set("Content-Type", "application/json");
  }
  const request = new Request(`https://api.mutual.test${path}`, { method, headers, body });
  const response = await worker.fetch(request, env, { waitUntil: () => {}, passThroughOnException: () => {}, props: {} } as unknown as ExecutionContext);
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (the docs page); keep the text
  }
  return { status: response.status, body: parsed as Body, headers: response.headers };
}

export const acmePartner = {
  name: "Acme Cloud Partners",
  domains: ["acme.co.uk", "acme-partners.com"],
  kind: "reseller",
  tier: "Gold",
  status: "active",
  cadence_days: 14,
};
