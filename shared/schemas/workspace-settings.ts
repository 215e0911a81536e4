import { z } from "zod";
import { visibility } from "./common.ts";

/**
 * What the sidebar's "Share with <partner>" toggle starts from: private
 * unless an owner or admin changes it. The API still stores a record sent
 * without a visibility as private, so nothing is shared by omission.
 */
export const sharingSettings = z.strictObject({ default_visibility: visibility }).meta({ id: "SharingSettings" });
export type SharingSettings = z.infer<typeof sharingSettings>;
