import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import { refreshPartnerHealth } from "./health-store.ts";

/**
 * After a write to a partner's history has landed, re-score the partner so
 * the next read is current. The score is derived: if this step fails the
 * write still stands, and the next read or the nightly job re-scores.
 */
export async function rescoreAfterWrite(c: Context<AppEnv>, partnerId: string | null, write: Promise<Response>): Promise<Response> {
  const response = await write;
  if (partnerId === null || response.status >= 300) return response;
  try {
    await refreshPartnerHealth(c.get("db"), c.get("caller").workspaceId, partnerId, c.get("now"));
  } catch (error) {
    console.error("re-scoring after a write failed; the nightly job will catch up", partnerId, error);
  }
  return response;
}
