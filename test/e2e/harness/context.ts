/**
 * What the global setup hands to every e2e test file (vitest's provide/inject).
 */
import { inject } from "vitest";
import type { Seed } from "./seed.ts";

export interface E2eEnv {
  /** The unpacked extension, built once for the run. */
  extensionPath: string;
  apiUrl: string;
  /** A token of the seeded workspace's owner. */
  token: string;
  workspaceName: string;
  memberEmail: string;
  /** POST <controlUrl>/api/stop | /api/start: stops or restarts wrangler dev (same port, same data). */
  controlUrl: string;
  /** Screenshots and logs of failed tests go here. */
  artifactsDir: string;
  /** wrangler dev's output. */
  wranglerLog: string;
  seed: Seed;
  /**
   * Two more workspaces, with no partners, each with its owner: `first` has
   * two tokens of the same member (one to revoke, one to sign in again with),
   * `second` one. For the tests of who queued writes are sent as.
   */
  others: Record<"first" | "second", OtherWorkspace>;
}

export interface OtherWorkspace {
  workspaceName: string;
  memberEmail: string;
  tokens: { id: string; token: string }[];
}

declare module "vitest" {
  export interface ProvidedContext {
    mutualE2e: E2eEnv;
  }
}

export function e2eEnv(): E2eEnv {
  return inject("mutualE2e");
}

/** Stops the API (for the "API down" test); resolves once nothing listens on its port. */
export async function stopApi(env: E2eEnv): Promise<void> {
  await control(env, "stop");
}

/** Starts the API again on the same port with the same data; resolves once /healthz answers. */
export async function startApi(env: E2eEnv): Promise<void> {
  await control(env, "start");
}

/** Revokes a token in the API's database, as `npm run token -- revoke` does. */
export async function revokeToken(env: E2eEnv, tokenId: string): Promise<void> {
  await control(env, `revoke/${tokenId}`);
}

async function control(env: E2eEnv, action: string): Promise<void> {
  const response = await fetch(`${env.controlUrl}/api/${action}`, { method: "POST", signal: AbortSignal.timeout(120_000) });
  const text = await response.text();
  if (!response.ok) throw new Error(`could not ${action} the API: ${text}`);
}
