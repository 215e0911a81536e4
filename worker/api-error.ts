import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * The one error type every layer throws; app.onError turns it into
 * {"error":{"code","message","issues"}}.
 */
export class ApiError extends HTTPException {
  readonly code: string;
  readonly issues: FieldIssue[] | undefined;

  constructor(status: ContentfulStatusCode, code: string, message: string, issues?: FieldIssue[]) {
    super(status, { message });
    this.code = code;
    this.issues = issues;
  }
}

export const notFound = (what: string) => new ApiError(404, "not_found", `${what} not found`);

export const invalidField = (path: string, message: string) =>
  new ApiError(400, "invalid_request", `${path}: ${message}`, [{ path, message }]);

export const conflictOnField = (path: string, message: string) =>
  new ApiError(409, "conflict", `${path}: ${message}`, [{ path, message }]);
