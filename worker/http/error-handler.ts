import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ZodError } from "zod";
import type { AppEnv } from "../env.ts";
import { ApiError, type FieldIssue } from "../api-error.ts";

/** "partners.0.domains" style paths are what people read in an error. */
function pathText(path: readonly PropertyKey[]): string {
  return path.length === 0 ? "(body)" : path.map(String).join(".");
}

export function validationError(error: ZodError, where: "json" | "query" | "param" | string): ApiError {
  const issues: FieldIssue[] = error.issues.map((issue) => {
    if (issue.code === "unrecognized_keys") {
      return { path: pathText([...issue.path, ...issue.keys]), message: "unknown field" };
    }
    return { path: pathText(issue.path), message: issue.message };
  });
  const first = issues[0];
  const scope = where === "json" ? "body" : where;
  const summary = first ? `${first.path}: ${first.message}` : "invalid input";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return new ApiError(400, "invalid_request", `Invalid ${scope}: ${summary}${more}`, issues);
}

export function errorResponse(error: unknown, c: Context<AppEnv>): Response {
  if (error instanceof ApiError) {
    return c.json(
      { error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) } },
      error.status,
    );
  }
  if (error instanceof HTTPException) {
    // Hono's own (e.g. malformed JSON from the validator) carry plain messages.
    const status = error.status;
    if (status === 415) {
      return c.json({ error: { code: "unsupported_media_type", message: "Send the body as JSON with Content-Type: application/json" } }, 415);
    }
    if (status === 400) {
      const message = error.message || "Malformed request";
      return c.json({ error: { code: "invalid_request", message, issues: [{ path: "(body)", message }] } }, 400);
    }
    return c.json({ error: { code: status === 413 ? "payload_too_large" : "http_error", message: error.message || "Request refused" } }, status);
  }
  console.error("unhandled error", c.get("requestId"), c.req.method, c.req.path, error);
  return c.json({ error: { code: "internal", message: "Something went wrong on our side; nothing was saved." } }, 500);
}
