import { z } from "zod";

export const memberRole = z.enum(["owner", "admin", "member", "viewer"]);
export type MemberRole = z.infer<typeof memberRole>;

export const me = z
  .object({
    workspace: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
    member: z.object({ id: z.string(), email: z.string(), role: memberRole }),
    token: z.object({ id: z.string(), prefix: z.string() }),
  })
  .meta({ id: "Me" });
export type Me = z.infer<typeof me>;
