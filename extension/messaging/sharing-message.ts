import { z } from "zod";

/**
 * The sharing and workspace-settings calls the dashboard and options pages
 * make through the background: invitations, connections, guest links and
 * the default visibility. Only these paths, so a page can't use the message
 * to reach anything else of the API.
 */
export const sharingPath = new RegExp(
  "^/v1/(" +
    "partners/ptr_[0-9a-z]{24}/(invitations|guest-links)" +
    "|invitations/inv_[0-9a-z]{24}" +
    "|guest-links/gst_[0-9a-z]{24}" +
    "|connections(/cnx_[0-9a-z]{24})?" +
    "|workspace/settings" +
  ")(\\?[a-z_=&0-9]*)?$",
);

export const sharingMessage = z.object({
  type: z.literal("sharing"),
  method: z.enum(["GET", "POST", "PATCH", "DELETE"]),
  path: z.string().regex(sharingPath, "is not a sharing or settings path"),
  body: z.unknown().optional(),
});
export type SharingMessage = z.infer<typeof sharingMessage>;
