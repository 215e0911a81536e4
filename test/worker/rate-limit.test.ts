import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { newApiToken } from "../../shared/api-token.ts";
import { api, newWorkspace, type ApiResponse, type TestCaller } from "./api-client.ts";
import { expectError } from "./fixtures.ts";

const attacker = { "CF-Connecting-IP": "203.0.113.66" };

/** Runs `count` requests, `concurrency` at a time, keeping every response. */
async function burst(count: number, concurrency: number, send: (index: number) => Promise<ApiResponse>): Promise<ApiResponse[]> {
  const responses: ApiResponse[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) responses.push(await send(next++));
  }));
  return responses;
}

function statusCounts(responses: ApiResponse[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const response of responses) counts[response.status] = (counts[response.status] ?? 0) + 1;
  return counts;
}

describe("rate limits", () => {
  let owner: TestCaller;
  beforeAll(async () => {
    owner = await newWorkspace("owner");
  });

  it("turns away 3,000 random tokens from one client with 429 and Retry-After after a few 401s", async () => {
    const started = performance.now();
    const responses = await burst(3_000, 16, () =>
      api(null, "GET", "/v1/me", { headers: { ...attacker, Authorization: `Bearer ${newApiToken().token}` } }));
    const seconds = (performance.now() - started) / 1000;
    const counts = statusCounts(responses);
    expect(Object.keys(counts).sort(), JSON.stringify(counts)).toEqual(["401", "429"]);
    // 20 a minute are allowed; a few more may be in flight when the limit is reached.
    expect(counts[401]).toBeLessThanOrEqual(40);
    expect(counts[429]).toBeGreaterThanOrEqual(2_960);
    const limited = responses.find((response) => response.status === 429)!;
    expectError(limited, 429, "rate_limited");
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(Number(limited.headers.get("Retry-After"))).toBeLessThanOrEqual(60);
    expect(seconds, "turned away quickly").toBeLessThan(30);
  }, 90_000);

  it("keeps refusing that client, even a token it guessed right, until the period has passed", async () => {
    const response = await api(owner, "GET", "/v1/me", { headers: attacker });
    expectError(response, 429, "rate_limited");
    expect(response.headers.get("Retry-After")).toMatch(/^\d+$/);
  });

  it("never slows a good token from another client meanwhile", async () => {
    const responses = await burst(300, 8, () => api(owner, "GET", "/v1/me", { headers: { "CF-Connecting-IP": "198.51.100.7" } }));
    expect(statusCounts(responses)).toEqual({ 200: 300 });
  }, 90_000);

  it("limits each token to its own budget, with Retry-After, leaving other tokens alone", async () => {
    const busy = await newWorkspace("owner");
    const neighbour = await newWorkspace("owner");
    // The binding counts in fixed one-minute windows; a burst may straddle two,
    // so it runs until the first 429 (at most two budgets' worth) and checks
    // that the full budget was served before it.
    const responses: ApiResponse[] = [];
    let limited: ApiResponse | undefined;
    await Promise.all(Array.from({ length: 32 }, async () => {
      while (!limited && responses.length < 2 * env.TEST_TOKEN_BUDGET + 100) {
        const response = await api(busy, "GET", "/v1/me");
        responses.push(response);
        if (response.status === 429) limited ??= response;
      }
    }));
    expect(limited, `no 429 after ${responses.length} requests`).toBeDefined();
    const servedBefore = responses.slice(0, responses.indexOf(limited!)).filter((response) => response.status === 200).length;
    expect(servedBefore).toBeGreaterThanOrEqual(env.TEST_TOKEN_BUDGET - 32);
    // At most two windows' budgets: the one set for the tests is the one in force.
    expect(servedBefore).toBeLessThanOrEqual(2 * env.TEST_TOKEN_BUDGET);
    expect(Object.keys(statusCounts(responses)).sort()).toEqual(["200", "429"]);
    expectError(limited!, 429, "rate_limited");
    expect(limited!.headers.get("Retry-After")).toBe("60");
    expect((await api(neighbour, "GET", "/v1/me")).status).toBe(200);

    // The token's reads ran out (TOKEN_READ_LIMIT); from then on this
    // isolate turns the token away, so it writes nothing either.
    const write = await api(busy, "POST", "/v1/partners", { body: { name: "Over Budget Ltd", kind: "reseller" }, headers: { "Idempotency-Key": "over-budget-1" } });
    expectError(write, 429, "rate_limited");
    const written = await env.DB.prepare("SELECT COUNT(*) AS n FROM partners WHERE name = ?").bind("Over Budget Ltd").first<{ n: number }>();
    expect(written?.n).toBe(0);
  }, 120_000);
});
