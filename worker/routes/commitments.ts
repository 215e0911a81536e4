import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { isOverdue, utcDate } from "../../shared/calendar.ts";
import { listEnvelope } from "../../shared/schemas/common.ts";
import { commitmentListQuery } from "../../shared/schemas/commitment.ts";
import { openCommitment } from "../../shared/schemas/lookup.ts";
import type { AppEnv } from "../env.ts";
import { jsonResponse, operation, readErrors } from "../http/openapi-parts.ts";
import { callerScope } from "../http/caller-scope.ts";
import { bothSidesCommitments, commitmentsAsSeen, type ListedCommitment } from "../db/commitment-list.ts";
import { keysetAfter, keysetOrderBy, pageOf, type KeysetOrder } from "../db/sql.ts";

// Undated promises sort after every dated one.
const dueOrder: KeysetOrder = { expression: "COALESCE(c.due_on, '9999-12-31')", id: "c.id", descending: false };

export function registerCommitmentListRoute(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "get", path: "/v1/commitments", request: { query: commitmentListQuery },
      ...operation("Commitments", "listCommitments", "Commitments across all partners, soonest due first",
        "Both sides: a partner connected to its company's workspace adds the promises that company shared, owed_by as read from this side. overdue=true keeps open commitments whose due date has passed (overdue means due before today, UTC)."),
      responses: { 200: jsonResponse(listEnvelope(openCommitment), "A page of commitments"), ...readErrors },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const { db, workspaceId, now } = callerScope(c);
      const where = ["1 = 1"];
      const params: unknown[] = [workspaceId, workspaceId];
      const add = (clause: string, ...values: unknown[]) => {
        where.push(clause);
        params.push(...values);
      };
      if (query.status) add("c.status = ?", query.status);
      if (query.owed_by) add("c.seen_owed_by = ?", query.owed_by);
      if (query.partner_id) add("c.seen_partner_id = ?", query.partner_id);
      if (query.overdue === true) add("c.status = 'open' AND c.due_on < ?", utcDate(now));
      if (query.overdue === false) add("NOT (c.status = 'open' AND c.due_on IS NOT NULL AND c.due_on < ?)", utcDate(now));
      if (query.cursor) {
        const after = keysetAfter(dueOrder, query.cursor);
        add(after.clause, ...after.params);
      }
      const rows = await db.all<ListedCommitment>(
        `SELECT c.* FROM ${bothSidesCommitments} c
          WHERE ${where.join(" AND ")} ORDER BY ${keysetOrderBy(dueOrder)} LIMIT ?`,
        ...params, query.limit + 1,
      );
      const page = pageOf(rows, query.limit, (row) => [row.due_on ?? "9999-12-31", row.id]);
      const seen = await commitmentsAsSeen(db, workspaceId, page.items);
      const items = seen.map((item) => ({ ...item, overdue: item.status === "open" && isOverdue(item.due_on, now) }));
      return c.json({ items, next_cursor: page.nextCursor }, 200);
    },
  );
}
