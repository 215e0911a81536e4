import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { me } from "../../shared/schemas/me.ts";
import type { AppEnv } from "../env.ts";
import { jsonResponse, readErrors, security } from "../http/openapi-parts.ts";

export function registerMeRoute(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "get", path: "/v1/me", tags: ["Workspace"], security,
      operationId: "getMe",
      summary: "Who the token belongs to",
      responses: { 200: jsonResponse(me, "The caller, their role and workspace"), 401: readErrors[401] },
    }),
    async (c) => {
      const caller = c.get("caller");
      const workspace = await c.get("db").first<{ id: string; slug: string; name: string }>(
        "SELECT id, slug, name FROM workspaces WHERE id = ?",
        caller.workspaceId,
      );
      return c.json(
        {
          workspace: workspace!,
          member: { id: caller.memberId, email: caller.email, role: caller.role },
          token: { id: caller.tokenId, prefix: caller.tokenPrefix },
        },
        200,
      );
    },
  );
}
