import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../api-error.ts";
import { errorResponse } from "./error-handler.ts";

/**
 * Four limits (a token's writes, its reads, a client's failures, a guest
 * link's changes), all on the Workers rate-limiting binding so they behave
 * the same under `wrangler dev`, in the test pool and deployed
 * (wrangler.toml, [[ratelimits]]). The periods here must match the ones
 * configured there: the binding does not say when a window ends, so
 * Retry-After is one period.
 */
export const tokenLimitPeriodSeconds = 60;
export const failedAuthPeriodSeconds = 60;
export const guestWritePeriodSeconds = 60;

/** Locally (app.request, no Cloudflare edge in front) every client is this one. */
const localClient = "local";

export function clientOf(c: Context<AppEnv>): string {
  return c.req.header("CF-Connecting-IP") ?? localClient;
}

function tooManyRequests(c: Context<AppEnv>, retryAfterSeconds: number, message: string): ApiError {
  c.header("Retry-After", String(Math.max(1, Math.ceil(retryAfterSeconds))));
  return new ApiError(429, "rate_limited", message);
}

// Clients over a failure limit, by the binding's key, with when they may try
// again. Per isolate, as a cache in front of the binding: it turns a blocked
// client away before the token lookup costs a database read, and it also
// refuses a blocked client's valid-looking guesses, or the limit would not
// slow guessing.
const blockedUntil = new Map<string, number>();
const maxBlockedClients = 10_000;

function block(key: string, untilMs: number): void {
  if (blockedUntil.size >= maxBlockedClients) {
    const oldest = blockedUntil.keys().next().value;
    if (oldest !== undefined) blockedUntil.delete(oldest);
  }
  blockedUntil.set(key, untilMs);
}

/**
 * A client's failures of one kind (`kind`: API tokens, guest links), counted
 * on AUTH_FAILURE_LIMIT under their own key each, so a client's mistyped
 * guest link does not use up its API sign-ins. `refuseIfBlocked` throws the
 * 429 before any work; `count` charges one failure and says whether the
 * client is now over the limit (and blocked until the period has passed).
 */
export function failureGate(c: Context<AppEnv>, kind: "client" | "guest", message: string) {
  const key = `${kind}:${clientOf(c)}`;
  return {
    refuseIfBlocked(): void {
      const until = blockedUntil.get(key);
      if (until === undefined) return;
      const nowMs = Date.now();
      if (until > nowMs) throw tooManyRequests(c, (until - nowMs) / 1000, message);
      blockedUntil.delete(key);
    },
    async count(): Promise<ApiError | null> {
      const nowMs = Date.now();
      const { success } = await c.env.AUTH_FAILURE_LIMIT.limit({ key });
      if (success) return null;
      block(key, nowMs + failedAuthPeriodSeconds * 1000);
      return tooManyRequests(c, failedAuthPeriodSeconds, message);
    },
  };
}

const unknownTokens = "Too many requests with unknown or revoked API tokens from this client; wait and try again";

/**
 * Counts each 401 against the client; past the limit the client gets 429 with
 * Retry-After, for every request until the period has passed.
 */
export const limitFailedAuthentication: MiddlewareHandler<AppEnv> = async (c, next) => {
  const gate = failureGate(c, "client", unknownTokens);
  gate.refuseIfBlocked();
  await next();
  if (c.res.status !== 401) return;
  const refusal = await gate.count();
  if (refusal) c.res = errorResponse(refusal, c);
};

/**
 * What a guest link may change (mark done, comment) in a period, counted per
 * link on GUEST_WRITE_LIMIT: a shared link pasted somewhere it should not be
 * cannot flood the partner's record. Null while within it, else the 429.
 */
export async function guestWriteRefusal(c: Context<AppEnv>, linkId: string): Promise<ApiError | null> {
  const { success } = await c.env.GUEST_WRITE_LIMIT.limit({ key: `guest-link:${linkId}` });
  return success ? null : tooManyRequests(c, guestWritePeriodSeconds, "Too many changes were sent through this link; wait a minute and try again");
}

// Tokens over their budget, with when the period ends: per isolate, like
// blockedUntil, so that a token found over budget is turned away before any
// database work until its period has passed.
const tokensBlockedUntil = new Map<string, number>();

/**
 * Reads are charged to TOKEN_READ_LIMIT this many at a time, in advance: the
 * first read of each ten asks the binding for one unit, the next nine ask
 * nothing. The binding's answer costs as long as a small D1 batch (a lookup
 * spent a third of its time on it), and reads are what the sidebar waits for.
 * wrangler.toml's read budget is in these units; a token may read at most
 * nine more than its budget per Worker isolate, never fewer than it paid for.
 */
export const readsPerCharge = 10;
const prepaidReads = new Map<string, number>();

const overBudget = "This API token has sent too many requests; slow down and retry after the time in Retry-After";

function isReadOnlyMethod(method: string): boolean {
  return method === "GET" || method === "HEAD";
}

/** The binding's verdict when this read starts a new block of readsPerCharge, or null when the block is already paid. */
function chargeRead(c: Context<AppEnv>, key: string): Promise<RateLimitOutcome> | null {
  const left = prepaidReads.get(key) ?? 0;
  if (left > 0) {
    prepaidReads.set(key, left - 1);
    return null;
  }
  if (prepaidReads.size >= maxBlockedClients) prepaidReads.clear();
  prepaidReads.set(key, readsPerCharge - 1);
  return c.env.TOKEN_READ_LIMIT.limit({ key });
}

function blockToken(key: string, nowMs: number): void {
  if (tokensBlockedUntil.size >= maxBlockedClients) tokensBlockedUntil.clear();
  tokensBlockedUntil.set(key, nowMs + tokenLimitPeriodSeconds * 1000);
  prepaidReads.delete(key);
}

/**
 * Each token's own budgets, one for writes and one for reads; one busy
 * script cannot starve the rest of its workspace. Keyed by the token's hash,
 * known before any database read (the lookup checks the token inside its own
 * first batch). A write waits for TOKEN_LIMIT's answer, so a token over its
 * budget never writes. A read that starts a block (chargeRead) asks
 * TOKEN_READ_LIMIT while it runs: over budget, it is still answered 429, and
 * from then on this isolate turns that token away before any database work
 * until the period has passed.
 */
export const limitPerToken: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = `token:${c.get("tokenHash")}`;
  const nowMs = Date.now();
  const until = tokensBlockedUntil.get(key);
  if (until !== undefined) {
    if (until > nowMs) throw tooManyRequests(c, (until - nowMs) / 1000, overBudget);
    tokensBlockedUntil.delete(key);
  }
  if (!isReadOnlyMethod(c.req.method)) {
    if (!(await c.env.TOKEN_LIMIT.limit({ key })).success) throw tooManyRequests(c, tokenLimitPeriodSeconds, overBudget);
    await next();
    return;
  }
  const verdict = chargeRead(c, key);
  if (verdict === null) {
    await next();
    return;
  }
  const [{ success }] = await Promise.all([verdict, next()]);
  if (success) return;
  blockToken(key, nowMs);
  c.res = errorResponse(tooManyRequests(c, tokenLimitPeriodSeconds, overBudget), c);
};
