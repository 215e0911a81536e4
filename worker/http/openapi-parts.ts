import type { Context, HonoRequest } from "hono";
import { z } from "zod";
import { errorBody } from "../../shared/schemas/common.ts";

/** Pieces every route description repeats. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

const errorResponse = (description: string) => ({ content: { "application/json": { schema: errorBody } }, description });

export const readErrors = {
  400: errorResponse("Invalid input; issues[] names each bad field"),
  401: errorResponse("Missing, unknown, revoked or expired API token"),
  404: errorResponse("No such record in this workspace"),
} as const;

export const writeErrors = {
  ...readErrors,
  403: errorResponse("The token's member is a viewer, or the token is read-only"),
  409: errorResponse("Conflicts with another record, e.g. a domain another partner owns"),
  412: errorResponse("If-Match named a version that is no longer current"),
  413: errorResponse("Body larger than 256 KB"),
  422: errorResponse("Idempotency-Key reused with a different request"),
} as const;

/** Writes that take a JSON body can also be refused for not sending JSON. */
export const bodyWriteErrors = {
  ...writeErrors,
  415: errorResponse("The body was not sent as JSON (Content-Type: application/json)"),
} as const;

// A malformed id is as absent as another workspace's id: both are 404.
export const idParam = z.object({ id: z.string().min(1).max(100) });

export const security = [{ bearer: [] as string[] }];

/**
 * The JSON body the route's validator accepted, typed by the schema it was
 * validated with. Hono's types cannot compute it for a route built from a
 * generic schema (the child resources), so this names the schema instead.
 */
export function validJson<S extends z.ZodType>(c: Context, _schema: S): z.output<S> {
  return (c.req as unknown as HonoRequest<string, { json: z.output<S> }>).valid("json");
}

/**
 * How an authenticated operation names and explains itself, in the order the
 * OpenAPI document lists it: its tag, the bearer token it needs, its id, summary
 * and (when it has more to say) description.
 */
export const operation = (tag: string, operationId: string, summary: string, description?: string) => ({
  tags: [tag], security, operationId, summary, ...(description === undefined ? {} : { description }),
});
