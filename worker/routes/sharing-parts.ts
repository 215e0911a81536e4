import type { Context } from "hono";
import { ApiError, notFound } from "../api-error.ts";
import type { AppEnv } from "../env.ts";
import { respondNoContent } from "../http/respond.ts";
import { security } from "../http/openapi-parts.ts";

/** What every invitation and connection route says of itself. */
export const sharingOperation = (operationId: string, summary: string, description?: string) => ({
  tags: ["Sharing"], security, operationId, summary, ...(description === undefined ? {} : { description }),
});

/** Connecting shows this workspace's shared records to another company: owners and admins decide that. */
export function requireSharingManager(c: Context<AppEnv>): void {
  const { role } = c.get("caller");
  if (role !== "owner" && role !== "admin") {
    throw new ApiError(403, "forbidden", "Only the workspace's owners and admins connect it to a partner company");
  }
}

export interface Ending<Row, Shown> {
  what: string;
  load(): Promise<Row | null>;
  /** Already ended (revoked, accepted, disconnected): ending it again changes nothing. */
  over(row: Row): boolean;
  shown(row: Row): Shown;
  end(row: Row, at: string): { statement: D1PreparedStatement; after: Shown };
  entity: string;
  id(row: Row): string;
}

/** Ends an invitation or a connection once, with its audit entry; 204 either way, 404 if not the caller's. */
export async function endOnce<Row, Shown>(c: Context<AppEnv>, ending: Ending<Row, Shown>) {
  requireSharingManager(c);
  const current = await ending.load();
  if (!current) throw notFound(ending.what);
  if (ending.over(current)) return c.body(null, 204);
  const { statement, after } = ending.end(current, c.get("now").toISOString());
  return respondNoContent(c, {
    statements: [statement],
    audit: [{ entity: ending.entity, entityId: ending.id(current), action: "update", before: ending.shown(current), after }],
    status: 204,
    body: null,
  });
}
