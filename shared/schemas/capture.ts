import { z } from "zod";
import { email, instant, recordId, utcTimestamp } from "./common.ts";
import { lineText } from "./text.ts";
import { interactionDirection } from "./interaction.ts";

/** What the workspace lets the extension log on its own; defaults where never set. */
export const captureSettings = z
  .strictObject({
    /** Emails on screen become interactions (the workspace's capture_email). */
    email: z.boolean(),
    /** Their subjects are kept too; metadata only otherwise (capture_subjects). */
    subjects: z.boolean(),
  })
  .meta({ id: "CaptureSettings" });
export type CaptureSettings = z.infer<typeof captureSettings>;
export const defaultCaptureSettings: CaptureSettings = { email: true, subjects: false };

export const maxCaptureItems = 100;

/** One email as seen on screen: metadata only, never its body. */
export const capturedEmail = z.strictObject({
  /** The message's own id in the mail client (Gmail's message id). */
  external_id: lineText(1, 200),
  kind: z.literal("email"),
  direction: interactionDirection,
  occurred_at: instant,
  participants: z.array(email).max(100).default([]),
  subject: lineText(0, 1_000).optional(),
});
export type CapturedEmail = z.infer<typeof capturedEmail>;

export const captureBatch = z
  .strictObject({
    items: z.array(capturedEmail).min(1).max(maxCaptureItems),
  })
  .superRefine((batch, context) => {
    const seen = new Map<string, number>();
    batch.items.forEach((item, index) => {
      const first = seen.get(item.external_id);
      if (first === undefined) seen.set(item.external_id, index);
      else context.addIssue({ code: "custom", path: ["items", index, "external_id"], message: `repeats items.${first}.external_id` });
    });
  })
  .meta({ id: "CaptureBatch" });
export type CaptureBatch = z.infer<typeof captureBatch>;

const capturedItem = z.object({ external_id: z.string(), interaction_id: recordId("int") });

export const captureResult = z
  .object({
    capture_id: recordId("cap"),
    partner_id: recordId("ptr"),
    /** Logged by this request: what undoing this capture removes. */
    created: z.array(capturedItem),
    /** Already logged (by this member or a teammate): left as they were. */
    existing: z.array(capturedItem),
    /** True when items carried subjects and the workspace does not keep them. */
    subjects_dropped: z.boolean(),
    last_contact_at: utcTimestamp.nullable(),
  })
  .meta({ id: "CaptureResult" });
export type CaptureResult = z.infer<typeof captureResult>;
