import { ApiError } from "../api-error.ts";
import type { Caller } from "../env.ts";

/** 403 unless the caller is one of the workspace's owners or admins; `what` finishes "Only … owners and admins …". */
export function requireOwnerOrAdmin(caller: Caller, what: string): void {
  if (caller.role !== "owner" && caller.role !== "admin") {
    throw new ApiError(403, "forbidden", `Only the workspace's owners and admins ${what}`);
  }
}
