import { z } from "zod";
import { recordId, utcTimestamp } from "./common.ts";
import { multiLineText } from "./text.ts";

/** A calendar quarter, UTC: the pulse's round. */
export const pulseRound = z.string().regex(/^\d{4}-Q[1-4]$/, "must be a quarter such as 2026-Q4");

const rating = z.int().min(1).max(5);

/** One side's 1–5 rating of each of the five health traits. */
export const pulseRatings = z
  .strictObject({ trust: rating, respect: rating, collaboration: rating, success: rating, goals: rating })
  .meta({ id: "PulseRatings" });
export type PulseRatings = z.infer<typeof pulseRatings>;

export const pulseAnswerCreate = z
  .strictObject({
    ratings: pulseRatings,
    comment: multiLineText(2_000).nullable().default(null),
    /** A comment stays with this side unless marked shared; the ratings cross once both sides have answered. */
    comment_shared: z.boolean().default(false),
  })
  .meta({ id: "PulseAnswerCreate" });
export type PulseAnswerCreate = z.input<typeof pulseAnswerCreate>;

/** One side's answer to a round, as the reader may see it. */
export const pulseAnswer = z.object({
  ratings: pulseRatings,
  side: z.enum(["ours", "theirs"]),
  /** The other side's comment only when they shared it; always null otherwise. */
  comment: z.string().nullable(),
  comment_shared: z.boolean(),
  answered_at: utcTimestamp,
  answered_by: z.string().nullable(),
  workspace_name: z.string().nullable(),
  /** Older than 120 days: shown, but it no longer counts. */
  stale: z.boolean(),
}).meta({ id: "PulseAnswer" });
export type PulseAnswer = z.infer<typeof pulseAnswer>;

export const pulseRoundView = z.object({
  round: pulseRound,
  ours: pulseAnswer.nullable(),
  /** Null until both sides have answered this round (no anchoring), and whenever not connected. */
  theirs: pulseAnswer.nullable(),
  /** Whether the other side's answer is shown, hidden until ours is given, missing, or out of reach (no live connection). */
  their_state: z.enum(["not_connected", "not_answered", "answered_hidden", "shown"]),
}).meta({ id: "PulseRoundView" });
export type PulseRoundView = z.infer<typeof pulseRoundView>;

const traitComparison = z.object({
  ours: rating.nullable(),
  theirs: rating.nullable(),
  /** Ours minus theirs, when both are shown. */
  gap: z.int().min(-4).max(4).nullable(),
  /** The health score's trait (0–100), from the records, beside the opinions. */
  behavioural: z.number().min(0).max(100).nullable(),
});

export const pulse = z
  .object({
    partner_id: recordId("ptr"),
    current_round: pulseRound,
    round_ends_on: z.iso.date(),
    /** Whether POST would be taken now, and if not, why. */
    can_answer: z.boolean(),
    cannot_answer_because: z.string().nullable(),
    /** Newest first, up to eight rounds. */
    rounds: z.array(pulseRoundView),
    /** The newest round that still counts (answered within 120 days), trait by trait; null if none. */
    latest: z
      .object({
        round: pulseRound,
        traits: z.object({ trust: traitComparison, respect: traitComparison, collaboration: traitComparison, success: traitComparison, goals: traitComparison }),
      })
      .nullable(),
    /** Why an older pulse is not in `latest`: "The 2026-Q2 pulse is over 120 days old and no longer counts". */
    stale_note: z.string().nullable(),
  })
  .meta({ id: "Pulse" });
export type Pulse = z.infer<typeof pulse>;
