import type { D1Migration } from "cloudflare:test";

declare global {
  namespace Cloudflare {
    interface Env {
      DB: D1Database;
      TOKEN_LIMIT: RateLimit;
      AUTH_FAILURE_LIMIT: RateLimit;
      TEST_MIGRATIONS: D1Migration[];
      ALLOWED_ORIGINS?: string;
    }
  }
}
