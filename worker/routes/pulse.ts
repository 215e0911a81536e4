import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { cannotAnswerBecause, type StoredAnswer, latestCounting, roundEndsOn, roundOf, roundView } from "../../shared/pulse/rounds.ts";
import type { Health } from "../../shared/schemas/health.ts";
import { pulse, pulseAnswerCreate, type Pulse } from "../../shared/schemas/pulse.ts";
import { ApiError } from "../api-error.ts";
import { liveConnectionOf, workspaceName } from "../db/connections.ts";
import { currentHealth } from "../db/health-store.ts";
import { answerStatements, ourAnswers, theirAnswers } from "../db/pulse-store.ts";
import { StaleWriteError } from "../db/stale-write-guard.ts";
import type { PartnerRow } from "../db/partner-record.ts";
import type { AppEnv } from "../env.ts";
import { callerScope } from "../http/caller-scope.ts";
import { bodyWriteErrors, idParam, jsonBody, jsonResponse, operation, readErrors } from "../http/openapi-parts.ts";
import { respond } from "../http/respond.ts";
import { partnerInScope } from "./plan.ts";

const readRoute = createRoute({
  ...operation("Health", "getPartnerPulse", "The quarterly pulse: both sides' 1–5 ratings of the five traits, the gap, and the score beside them",
    "The connected partner company's ratings of a round appear only once this side has answered the same round (no anchoring), and their comment only if they shared it. Without a live connection, only this side's answers. An answer older than 120 days no longer counts (stale_note says so)."),
  method: "get", path: "/v1/partners/{id}/pulse", request: { params: idParam },
  responses: { 200: jsonResponse(pulse, "The pulse"), ...readErrors },
});

const answerRoute = createRoute({
  ...operation("Health", "answerPartnerPulse", "Answer this quarter's pulse for the partner, or change the answer",
    "One answer per side per quarter; sending again changes it until the partner company has answered the same quarter (then 409) or the quarter ends. comment stays private unless comment_shared is true."),
  method: "post", path: "/v1/partners/{id}/pulse", request: { params: idParam, body: jsonBody(pulseAnswerCreate) },
  responses: { 200: jsonResponse(pulse, "The pulse with this answer"), ...bodyWriteErrors },
});

interface PulseParts {
  connected: boolean;
  ours: Map<string, StoredAnswer>;
  theirs: Map<string, StoredAnswer>;
  health: Health | null;
}

async function loadParts(c: Context<AppEnv>, row: PartnerRow): Promise<PulseParts> {
  const { db, workspaceId, now } = callerScope(c);
  const [link, ours, theirs, scores] = await Promise.all([
    liveConnectionOf(db, workspaceId, row.id), ourAnswers(db, workspaceId, row.id), theirAnswers(db, workspaceId, row.id),
    currentHealth(db, workspaceId, [row], now),
  ]);
  return { connected: link !== null, ours, theirs, health: scores.get(row.id) ?? null };
}

function pulseFrom(parts: PulseParts, row: PartnerRow, now: Date): Pulse {
  const current = roundOf(now);
  const rounds = [...new Set([current, ...parts.ours.keys(), ...parts.theirs.keys()])].sort().reverse().slice(0, 8);
  const views = rounds.map((round) => roundView(round, parts.ours.get(round) ?? null, parts.theirs.get(round) ?? null, parts.connected, now));
  const because = cannotAnswerBecause(parts.ours.has(current), parts.connected && parts.theirs.has(current), row.name);
  return {
    partner_id: row.id, current_round: current, round_ends_on: roundEndsOn(current), can_answer: because === null,
    cannot_answer_because: because, rounds: views, ...latestCounting(views, parts.health),
  };
}

export function registerPulseRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(readRoute, async (c) => {
    const row = await partnerInScope(c, c.req.valid("param").id);
    return c.json(pulseFrom(await loadParts(c, row), row, c.get("now")), 200);
  });

  app.openapi(answerRoute, async (c) => {
    const row = await partnerInScope(c, c.req.valid("param").id);
    const { db, workspaceId, now } = callerScope(c);
    const parts = await loadParts(c, row);
    const before = pulseFrom(parts, row, now);
    if (!before.can_answer) throw new ApiError(409, "pulse_final", before.cannot_answer_because!);
    const answer = c.req.valid("json");
    const round = before.current_round;
    const previous = parts.ours.get(round) ?? null;
    const caller = c.get("caller");
    // The answer as it will read, so a replay of this request answers the same.
    parts.ours.set(round, {
      side: "ours", workspace_name: previous?.workspace_name ?? (await workspaceName(db, workspaceId))?.name ?? null,
      answered_by: caller.email, answered_at: now.toISOString(), ratings: answer.ratings, comment: answer.comment, comment_shared: answer.comment_shared,
    });
    try {
      return await respond(c, {
        statements: answerStatements(db, {
          workspaceId, partnerId: row.id, round, ratings: answer.ratings, comment: answer.comment,
          commentShared: answer.comment_shared, memberId: caller.memberId, now: now.toISOString(),
        }),
        audit: [{
          entity: "pulse", entityId: `${row.id}:${round}`, action: previous ? "update" : "create",
          before: previous ? { ratings: previous.ratings, comment_shared: previous.comment_shared } : undefined,
          after: { ratings: answer.ratings, comment_shared: answer.comment_shared },
        }],
        status: 200,
        body: pulseFrom(parts, row, now),
      });
    } catch (error) {
      if (error instanceof StaleWriteError) throw new ApiError(409, "pulse_final", `${row.name} answered this round a moment ago, so your answer is final until next quarter`);
      throw error;
    }
  });
}
