import {
  referral, referralCreate, referralPatch, type Referral, type StageChange,
} from "../../shared/schemas/referral.ts";
import { invalidField } from "../api-error.ts";
import { referralToApi, type ReferralRow } from "../db/child-records.ts";
import { copyDefined, type ChildResource } from "./child-resource.ts";

// Clocks differ a little between a laptop and the API; a day ahead is a mistake.
const futureToleranceMs = 86_400_000;

function assertNotFuture(path: string, at: string, now: string) {
  if (Date.parse(at) - Date.parse(now) > futureToleranceMs) throw invalidField(path, "is in the future");
}

/** The history a new referral starts with: imported as given (checked), or "submitted" now. */
function initialHistory(
  input: { stage?: Referral["stage"]; submitted_at?: string; stage_history?: StageChange[] },
  now: string,
): StageChange[] {
  if (!input.stage_history) {
    const submittedAt = input.submitted_at ?? now;
    assertNotFuture("submitted_at", submittedAt, now);
    const history: StageChange[] = [{ stage: "submitted", at: submittedAt }];
    if (input.stage && input.stage !== "submitted") history.push({ stage: input.stage, at: now < submittedAt ? submittedAt : now });
    return history;
  }
  const history = input.stage_history;
  if (history[0]!.stage !== "submitted") throw invalidField("stage_history.0.stage", 'a referral\'s history starts with "submitted"');
  history.forEach((change, index) => {
    assertNotFuture(`stage_history.${index}.at`, change.at, now);
    if (index > 0 && change.at < history[index - 1]!.at) {
      throw invalidField(`stage_history.${index}.at`, "is earlier than the stage change before it");
    }
  });
  if (input.submitted_at !== undefined && input.submitted_at !== history[0]!.at) {
    throw invalidField("submitted_at", "differs from the time of the first stage_history entry");
  }
  const last = history[history.length - 1]!;
  if (input.stage !== undefined && input.stage !== last.stage) {
    throw invalidField("stage", `is ${input.stage} but stage_history ends at ${last.stage}`);
  }
  return history;
}

export const referralsResource: ChildResource<ReferralRow, Referral, typeof referralCreate, typeof referralPatch> = {
  collection: "referrals",
  entity: "referral",
  label: "Referral",
  tag: "Referrals",
  table: "referrals",
  affectsHealth: true,
  prefix: "ref",
  listOrder: "submitted_at",
  apiSchema: referral,
  createSchema: referralCreate,
  patchSchema: referralPatch,
  toApi: referralToApi,
  insertColumns(input, context) {
    const history = initialHistory(input, context.now);
    return {
      direction: input.direction, account_name: input.account_name, amount_minor: input.amount_minor ?? null,
      currency: input.currency ?? null, stage: history[history.length - 1]!.stage, submitted_at: history[0]!.at,
      stage_history_json: JSON.stringify(history), notes: input.notes ?? null, fee_paid_at: input.fee_paid_at ?? null, visibility: input.visibility,
      created_at: context.now,
    };
  },
  patchColumns(current, patch, context) {
    const { stage, at, ...details } = patch;
    const columns = copyDefined(details);
    const amount = patch.amount_minor !== undefined ? patch.amount_minor : current.amount_minor;
    const currency = patch.currency !== undefined ? patch.currency : current.currency;
    if (amount !== null && currency === null) throw invalidField("currency", "is required with amount_minor");
    // Moving to the stage it is already in is a no-op, so a retried PATCH is harmless.
    if (stage !== undefined && stage !== current.stage) {
      const history = JSON.parse(current.stage_history_json) as StageChange[];
      const changedAt = at ?? context.now;
      assertNotFuture("at", changedAt, context.now);
      const previous = history[history.length - 1];
      if (previous && changedAt < previous.at) {
        throw invalidField("at", `is earlier than the last stage change (${previous.stage} at ${previous.at})`);
      }
      history.push({ stage, at: changedAt });
      columns.stage = stage;
      columns.stage_history_json = JSON.stringify(history);
    }
    return columns;
  },
};
