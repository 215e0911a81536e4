import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { WxtVitest } from "wxt/testing/vitest-plugin";

// Pure logic and scripts in Node; page adapters against saved pages in
// happy-dom; the API inside workerd against a real D1 with the real migrations.
const testTokenBudget = 600;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "shared",
          include: ["test/shared/**/*.test.ts", "test/demo/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        // WXT's own test set-up: `wxt/browser` and the storage items it
        // defines run on fakeBrowser's in-memory storage, reset per test.
        plugins: [WxtVitest()],
        // Preact's JSX, as in wxt.config.ts, for component tests.
        oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
        test: {
          name: "extension",
          include: ["test/extension/**/*.test.ts", "test/extension/**/*.test.tsx"],
          environment: "happy-dom",
          // An empty in-memory IndexedDB per test (the credential store's).
          setupFiles: ["./test/extension/setup.ts"],
        },
      },
      {
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations("./migrations"), TEST_TOKEN_BUDGET: testTokenBudget,
                // The tests sign guest links with their own secret, not the local-development one.
                GUEST_LINK_SECRET: "test-only-guest-link-secret-0123456789",
              },
              // A token's budget of 1,500 a minute takes 25 requests a second to
              // reach, more than a loaded CI machine serves: the tests spend a
              // smaller one through the same binding (test/worker/rate-limit.test.ts).
              ratelimits: {
                TOKEN_LIMIT: { namespace_id: "1001", simple: { limit: testTokenBudget, period: 60 } },
                // Reads are charged ten at a time (worker/http/rate-limit.ts, readsPerCharge).
                TOKEN_READ_LIMIT: { namespace_id: "1003", simple: { limit: testTokenBudget / 10, period: 60 } },
              },
            },
          })),
        ],
        test: {
          name: "worker",
          include: ["test/worker/**/*.test.ts"],
          setupFiles: ["./test/worker/apply-migrations.ts"],
          testTimeout: 30_000,
        },
      },
      {
        // The built extension in Chromium against `wrangler dev`: one API and
        // one build per run (global setup), one browser per file, files one
        // at a time (a test stops and restarts the shared API).
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["./test/e2e/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
