import { signal } from "@preact/signals";
import { z } from "zod";
import { planReview, type PlanReview } from "../../shared/schemas/plan-review.ts";
import { planResource, planVersion, planVersionWhole, type PlanPatch, type PlanResource } from "../../shared/schemas/plan.ts";
import { api } from "../entrypoints/dashboard/use-pages.ts";
import type { PlanWrite, PlanWriteReply } from "../messaging/plan-write-message.ts";
import type { Reply } from "../messaging/protocol.ts";
import { send } from "../messaging/send.ts";

/** The partnership plan as the sidebar and the dashboard read and change it, each answer checked with the API's schema. */
const plan = (partnerId: string) => `/v1/partners/${partnerId}/plan`;

export const readPlan = (partnerId: string): Promise<Reply<PlanResource>> => api(plan(partnerId), planResource);
export const readPlanReview = (partnerId: string): Promise<Reply<PlanReview>> => api(`${plan(partnerId)}/review`, planReview);
export const readPlanHistory = (partnerId: string) => api(`${plan(partnerId)}/history?limit=100`, z.object({ items: z.array(planVersion) }));
export const readPlanVersion = (partnerId: string, version: number) => api(`${plan(partnerId)}/versions/${version}`, planVersionWhole);

/**
 * The newest plan each write here answered with, by partner: a card re-read
 * after the meeting synced (and so before the review was recorded) must not
 * show the plan as it was.
 */
export const savedPlans = signal<Record<string, PlanResource>>({});

/** Whichever of two readings of a partner's plan is the newer version. */
export const newerPlan = (read: PlanResource | null, partnerId: string): PlanResource | null => {
  const saved = savedPlans.value[partnerId];
  return saved && (!read || saved.version > read.version) ? saved : read;
};

async function writePlan(write: PlanWrite & { partnerId: string }): Promise<Reply<PlanWriteReply>> {
  const reply = await send({ type: "planWrite", write });
  if (reply.ok && reply.data.result === "saved") savedPlans.value = { ...savedPlans.value, [write.partnerId]: reply.data.plan };
  return reply;
}

/** Saves a change made to `version`; someone else's change since comes back as a conflict, never overwritten. */
export const savePlan = (partnerId: string, version: number, body: PlanPatch): Promise<Reply<PlanWriteReply>> =>
  writePlan({ kind: "patch", partnerId, version, body });

/** Records that the plan was reviewed in a saved meeting; its decisions change the plan as it is now. */
export const recordPlanReview = (partnerId: string, meetingId: string, decisions?: PlanPatch): Promise<Reply<PlanWriteReply>> =>
  writePlan({ kind: "review", partnerId, body: { meeting_id: meetingId, ...(decisions && Object.keys(decisions).length > 0 ? { decisions } : {}) } });
