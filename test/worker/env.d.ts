import type { D1Migration } from "cloudflare:test";

declare global {
  namespace Cloudflare {
    interface Env {
      DB: D1Database;
      TOKEN_LIMIT: RateLimit;
      TOKEN_READ_LIMIT: RateLimit;
      AUTH_FAILURE_LIMIT: RateLimit;
      GUEST_WRITE_LIMIT: RateLimit;
      TEST_MIGRATIONS: D1Migration[];
      /** A token's budget of reads and of writes in the tests (vitest.config.ts), smaller than wrangler.toml's. */
      TEST_TOKEN_BUDGET: number;
      ALLOWED_ORIGINS?: string;
      GUEST_LINK_SECRET?: string;
    }
  }
}
