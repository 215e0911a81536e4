import { z } from "zod";
import { commitment } from "./commitment.ts";
import { listCursor, recordId, utcTimestamp, visibility } from "./common.ts";
import { partnershipPlan } from "./plan.ts";
import { partnerKind } from "./partner.ts";

/** An invitation code: shown once, to be handed to the partner company; only its SHA-256 is kept. */
export const invitationCodePattern = /^mutual_inv_[0-9a-z]{32}$/;

export const invitationStatus = z.enum(["pending", "accepted", "revoked", "expired"]);

export const invitation = z
  .object({
    id: recordId("inv"),
    partner_id: recordId("ptr"),
    status: invitationStatus,
    created_at: utcTimestamp,
    expires_at: utcTimestamp,
    accepted_at: utcTimestamp.nullable(),
    revoked_at: utcTimestamp.nullable(),
  })
  .meta({ id: "Invitation" });
export type Invitation = z.infer<typeof invitation>;

export const invitationCreated = invitation
  .extend({
    code: z.string().regex(invitationCodePattern),
    url: z.string(),
  })
  .meta({ id: "InvitationCreated" });
export type InvitationCreated = z.infer<typeof invitationCreated>;

export const connectionCreate = z
  .strictObject({
    code: z.string().regex(invitationCodePattern, "must be an invitation code (mutual_inv_…) from the partner company"),
    /** This workspace's partner record for the inviting company; else matched by its domains, else a new one. */
    partner_id: recordId("ptr").optional(),
    /** The kind of the partner record made when none is named or matched. */
    kind: partnerKind.default("reseller"),
  })
  .meta({ id: "ConnectionCreate" });

/** A connection as one side sees it: its own partner record, the other company by name. */
export const connection = z
  .object({
    id: recordId("cnx"),
    partner_id: recordId("ptr"),
    partner_workspace_name: z.string(),
    /** Whether this side sent the invitation or accepted it. */
    role: z.enum(["inviter", "acceptor"]),
    created_at: utcTimestamp,
    ended_at: utcTimestamp.nullable(),
    ended_by: z.enum(["us", "partner"]).nullable(),
  })
  .meta({ id: "Connection" });
export type Connection = z.infer<typeof connection>;

export const sharingListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: listCursor.optional(),
});

const count = z.number().int().nonnegative();

/** What the other side shared since this side last looked, on the sidebar's next lookup. */
export const newFromPartner = z
  .object({
    workspace_name: z.string(),
    since: utcTimestamp.nullable(),
    // How many of each kind of record arrived, one count per kind.
    commitments: count, referrals: count, goals: count, meetings: count, interactions: count,
    /** Promises the partner company marked done in the last 7 days, either side's, with who did it (changed_by). */
    done_by_them: z.array(commitment),
  })
  .meta({ id: "NewFromPartner" });
export type NewFromPartner = z.infer<typeof newFromPartner>;

/** "Share the plan" in one action, or take it back. */
export const planSharing = z.strictObject({ visibility }).meta({ id: "PlanSharing" });

export const planSharingState = z
  .object({ partner_id: recordId("ptr"), visibility, plan_version: z.number() })
  .meta({ id: "PlanSharingState" });

/** The connected partner company's plan for this partnership, while they share it. */
export const partnerPlan = z
  .object({
    partner_id: recordId("ptr"),
    /** null: not connected, or the partner company keeps its plan private. */
    shared: z.object({ workspace_name: z.string(), plan: partnershipPlan, version: z.number(), updated_at: utcTimestamp }).nullable(),
  })
  .meta({ id: "PartnerPlan" });
