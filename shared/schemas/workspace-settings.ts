import { z } from "zod";
import { visibility } from "./common.ts";

/** What the sidebar's "Share with <partner>" toggle starts from. */
export const workspaceSettings = z.object({ default_visibility: visibility }).meta({ id: "WorkspaceSettings" });
export type WorkspaceSettings = z.infer<typeof workspaceSettings>;

export const workspaceSettingsPatch = z.strictObject({ default_visibility: visibility }).meta({ id: "WorkspaceSettingsPatch" });
