import type { z } from "zod";
import type { PlanResource, PlanVersion } from "../../shared/schemas/plan.ts";
import type { planWrite, PlanWriteReply } from "../messaging/plan-write-message.ts";
import type { Reply } from "../messaging/protocol.ts";
import { callApi, errorOf } from "./api-client.ts";
import type { ApiSettings } from "./settings.ts";

/**
 * Sends a plan change with If-Match and one Idempotency-Key. On 412 it reads
 * the plan as it is now and who changed it last, so the page can show theirs
 * beside what the user typed and lose neither.
 */
export async function sendPlanWrite(settings: ApiSettings, write: z.output<typeof planWrite>): Promise<Reply<PlanWriteReply>> {
  const plan = `/v1/partners/${write.partnerId}/plan`;
  const response = await callApi(settings, write.kind === "patch" ? plan : `${plan}/reviews`, {
    method: write.kind === "patch" ? "PATCH" : "POST",
    body: write.body,
    idempotencyKey: crypto.randomUUID(),
    ...(write.version === undefined ? {} : { ifMatch: write.version }),
  });
  if (response.status === 200 || response.status === 201) return { ok: true, data: { result: "saved", plan: response.body as PlanResource } };
  if (response.status !== 412) return { ok: false, error: errorOf(response) };
  const [theirs, history] = await Promise.all([callApi(settings, plan), callApi(settings, `${plan}/history?limit=1`)]);
  if (theirs.status !== 200) return { ok: false, error: errorOf(theirs) };
  const latest = history.status === 200 ? (history.body as { items: PlanVersion[] }).items[0] : undefined;
  return { ok: true, data: { result: "conflict", theirs: theirs.body as PlanResource, changedBy: latest?.changed_by?.email ?? null } };
}
