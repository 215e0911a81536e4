import { z } from "zod";
import { recordId, utcTimestamp } from "./common.ts";
import { guestLinkDefaultDays, guestLinkMaxDays } from "../sharing/guest-link.ts";

export const guestLinkCreate = z
  .strictObject({
    /** How long the link works; 30 days unless chosen. */
    expires_in_days: z.int().min(1).max(guestLinkMaxDays).default(guestLinkDefaultDays),
  })
  .meta({ id: "GuestLinkCreate" });

export const guestLink = z
  .object({
    id: recordId("gst"),
    partner_id: recordId("ptr"),
    status: z.enum(["active", "revoked", "expired"]),
    created_at: utcTimestamp,
    expires_at: utcTimestamp,
    revoked_at: utcTimestamp.nullable(),
  })
  .meta({ id: "GuestLink" });
export type GuestLink = z.infer<typeof guestLink>;

/** The link's address holds its token: shown once, in the answer that made it. */
export const guestLinkCreated = guestLink.extend({ url: z.string() }).meta({ id: "GuestLinkCreated" });
export type GuestLinkCreated = z.infer<typeof guestLinkCreated>;
