import { OpenAPIHono } from "@hono/zod-openapi";
import { cors } from "hono/cors";
import type { AppEnv } from "./env.ts";
import { invalidField } from "./api-error.ts";
import { authenticate, requireToken, requireWriteAccess } from "./http/auth.ts";
import { limitBody } from "./http/body-limit.ts";
import { errorResponse, validationError } from "./http/error-handler.ts";
import { idempotency } from "./http/idempotency.ts";
import { database } from "./http/database.ts";
import { requestId } from "./http/request-id.ts";
import { docsPolicy, noStore } from "./http/security-headers.ts";
import { serverTiming } from "./http/server-timing.ts";
import { requireUtf8Body } from "./http/utf8-body.ts";
import { limitFailedAuthentication, limitPerToken } from "./http/rate-limit.ts";
import { firstMalformedString } from "./http/well-formed-text.ts";
import { registerAuditRoute } from "./routes/audit.ts";
import { registerCaptureRoutes } from "./routes/captures.ts";
import { registerChildResource } from "./routes/child-resource.ts";
import { registerCommitmentListRoute } from "./routes/commitments.ts";
import { registerConnectionRoutes } from "./routes/connections.ts";
import { commitmentsResource } from "./routes/commitments-resource.ts";
import { contactsResource } from "./routes/contacts.ts";
import { registerDocsRoutes } from "./routes/docs.ts";
import { goalsResource } from "./routes/goals.ts";
import { registerHealthRoutes } from "./routes/health.ts";
import { registerExportRoute } from "./routes/export.ts";
import { registerGuestLinkRoutes } from "./routes/guest-links.ts";
import { registerGuestRoutes } from "./guest/guest-routes.ts";
import { registerConnectPage } from "./routes/connect-page.ts";
import { registerHealthz } from "./routes/healthz.ts";
import { registerInvitationRoutes } from "./routes/invitations.ts";
import { registerImportRoutes } from "./routes/imports.ts";
import { interactionsResource } from "./routes/interactions.ts";
import { registerLookupRoute } from "./routes/lookup.ts";
import { registerMeRoute } from "./routes/me.ts";
import { registerNudgesRoute } from "./routes/nudges.ts";
import { meetingsResource, registerMeetingCreate } from "./routes/meetings.ts";
import { registerPartnerRoutes } from "./routes/partners.ts";
import { registerPlanRoutes } from "./routes/plan.ts";
import { registerPlanReviewRoutes } from "./routes/plan-review.ts";
import { registerPlanSharingRoutes } from "./routes/plan-sharing.ts";
import { registerPulseRoutes } from "./routes/pulse.ts";
import { registerHealthChangesRoute } from "./routes/health-changes.ts";
import { referralsResource } from "./routes/referrals.ts";
import { registerTokenRoutes } from "./routes/tokens.ts";

export const maxBodyBytes = 256 * 1024;
const publicPaths = new Set(["/v1/openapi.json", "/v1/docs"]);

/** Browser extensions (the sidebar's background worker) and any origins the deployment lists. */
function allowedOrigin(origin: string, configured: string | undefined): string | null {
  if (/^(chrome|moz)-extension:\/\/[a-z0-9-]+$/i.test(origin)) return origin;
  const listed = (configured ?? "").split(",").map((value) => value.trim()).filter(Boolean);
  return listed.includes(origin) ? origin : null;
}

export function createApp(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: async (result, c) => {
      if (!result.success) {
        // A stranger learns nothing from our validation: 401 before 400.
        if (!publicPaths.has(c.req.path)) await authenticate(c);
        throw validationError(result.error, result.target);
      }
      const malformed = firstMalformedString(result.data);
      if (malformed) {
        throw invalidField(malformed.join(".") || "(body)", "contains a broken character (an unpaired UTF-16 surrogate)");
      }
    },
  });
  app.onError(errorResponse);
  app.notFound((c) => c.json({ error: { code: "not_found", message: `No route for ${c.req.method} ${c.req.path}` } }, 404));

  app.use("*", requestId);
  app.use("*", database);
  app.use("*", serverTiming);
  app.use(
    "*",
    cors({
      origin: (origin, c) => allowedOrigin(origin, c.env.ALLOWED_ORIGINS),
      allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key", "If-Match"],
      allowMethods: ["GET", "POST", "PATCH", "DELETE", "OPTIONS"],
      exposeHeaders: ["ETag", "Location", "Server-Timing", "Idempotent-Replayed", "X-Request-Id", "Retry-After"],
      maxAge: 600,
    }),
  );
  app.use("/v1/*", limitBody(maxBodyBytes));
  app.use("*", async (c, next) => (publicPaths.has(c.req.path) ? docsPolicy(c, next) : noStore(c, next)));
  app.use("/v1/*", requireUtf8Body);

  registerHealthz(app);
  registerGuestRoutes(app);
  registerConnectPage(app);
  registerDocsRoutes(app);
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "An API token from `npm run token -- create`",
  });

  const tokenCheck = requireToken({ foldedInto: ["GET /v1/lookup"] });
  app.use("/v1/*", async (c, next) => (publicPaths.has(c.req.path) ? next() : limitFailedAuthentication(c, next)));
  app.use("/v1/*", async (c, next) => (publicPaths.has(c.req.path) ? next() : tokenCheck(c, next)));
  app.use("/v1/*", async (c, next) => (publicPaths.has(c.req.path) ? next() : limitPerToken(c, next)));
  app.use("/v1/*", async (c, next) => (publicPaths.has(c.req.path) ? next() : requireWriteAccess(c, next)));
  app.use("/v1/*", async (c, next) => (publicPaths.has(c.req.path) ? next() : idempotency(c, next)));

  registerMeRoute(app);
  registerPartnerRoutes(app);
  registerPlanRoutes(app);
  registerPlanReviewRoutes(app);
  registerLookupRoute(app);
  registerCommitmentListRoute(app);
  registerMeetingCreate(app);
  registerHealthRoutes(app);
  registerTokenRoutes(app);
  registerAuditRoute(app);
  registerCaptureRoutes(app);
  registerNudgesRoute(app);
  registerInvitationRoutes(app);
  registerConnectionRoutes(app);
  registerPlanSharingRoutes(app);
  registerPulseRoutes(app);
  registerHealthChangesRoute(app);
  registerImportRoutes(app);
  registerExportRoute(app);
  registerGuestLinkRoutes(app);
  // One call each, so every resource's row, API and schema types are checked together.
  registerChildResource(app, contactsResource);
  registerChildResource(app, interactionsResource);
  registerChildResource(app, commitmentsResource);
  registerChildResource(app, referralsResource);
  registerChildResource(app, goalsResource);
  registerChildResource(app, meetingsResource);
  return app;
}
