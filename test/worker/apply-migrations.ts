import { applyD1Migrations, env } from "cloudflare:test";

// Idempotent: the migrations table records what was applied.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
