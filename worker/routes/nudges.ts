import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { utcDate } from "../../shared/calendar.ts";
import { partnersPastCadence } from "../../shared/nudges.ts";
import { nudges, nudgesQuery } from "../../shared/schemas/nudges.ts";
import { loadHealthSettings } from "../db/health-store.ts";
import { activePartners, promiseCounts } from "../db/nudges.ts";
import type { AppEnv } from "../env.ts";
import { jsonResponse, readErrors, security } from "../http/openapi-parts.ts";

const maxPastCadence = 50;

export function registerNudgesRoute(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "get", path: "/v1/nudges", tags: ["Workspace"], security,
      operationId: "getNudges",
      summary: "What needs the caller's attention: promises we owe that are overdue or due today, partners past their cadence",
      description:
        "For the toolbar badge and the daily notification. today (YYYY-MM-DD, default the UTC date) is the caller's own date. " +
        "scope=mine (default) counts promises and partners whose owner_email is the caller's; scope=workspace counts everyone's.",
      request: { query: nudgesQuery },
      responses: { 200: jsonResponse(nudges, "The counts and the partners past cadence"), ...readErrors },
    }),
    async (c) => {
      const db = c.get("db");
      const caller = c.get("caller");
      const { today = utcDate(c.get("now")), scope } = c.req.valid("query");
      const owner = scope === "mine" ? caller.email.toLowerCase() : null;
      const [promises, partners, settings] = await Promise.all([
        promiseCounts(db, caller.workspaceId, today, owner),
        activePartners(db, caller.workspaceId, owner),
        loadHealthSettings(db, caller.workspaceId),
      ]);
      const pastCadence = partnersPastCadence(partners, c.get("now"), settings.default_cadence_days).slice(0, maxPastCadence);
      return c.json({ today, scope, promises, past_cadence: pastCadence }, 200);
    },
  );
}
