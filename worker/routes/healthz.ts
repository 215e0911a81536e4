import type { OpenAPIHono } from "@hono/zod-openapi";
import { version } from "../../package.json";
import type { AppEnv } from "../env.ts";

/**
 * For uptime checks: 200 only when the database answers (a constant query,
 * no rows read), 503 when it does not, so a broken binding or an outage
 * shows here and not first in users' lookups.
 */
export function registerHealthz(app: OpenAPIHono<AppEnv>): void {
  app.get("/healthz", async (c) => {
    try {
      await c.get("db").first("SELECT 1 AS ok");
    } catch (error) {
      console.error("healthz: the database did not answer", c.get("requestId"), error);
      return c.json({ ok: false, version, error: { code: "database_unavailable", message: "The database is not answering" } }, 503);
    }
    // The version a deployment runs, from package.json like the extension's (CHANGELOG.md says what changed).
    return c.json({ ok: true, version }, 200);
  });
}
