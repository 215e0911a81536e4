/**
 * Requests for every operation in the API's own OpenAPI document, filled in
 * for one workspace's records: path ids, query parameters and a minimal
 * valid body built from the operation's JSON Schema. An operation added later
 * is covered by construction; one this cannot fill in makes the test fail,
 * naming what to add.
 */
import type { AcmeRecords } from "./fixtures.ts";

export interface Operation {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** As the document names it: /v1/partners/{id}/contacts */
  template: string;
  secured: boolean;
  parameters: { name: string; in: "path" | "query"; required: boolean; schema: JsonSchema }[];
  body: JsonSchema | null;
}

export type JsonSchema = Record<string, any>;

/** The values one workspace's records offer for ids and other references. */
export interface Target {
  records: AcmeRecords;
  memberId: string;
  /** A token of this workspace that may be revoked. */
  spareTokenId: string;
  /** A capture of this workspace that may be undone. */
  captureId: string;
  /** An invitation this workspace made, which may be revoked. */
  invitationId: string;
  /** A live connection of this workspace, which may be ended. */
  connectionId: string;
  /** Another workspace's unused invitation code, which this workspace may accept. */
  invitationCode: string;
  /** A guest link this workspace made, which may be revoked. */
  guestLinkId: string;
}

export function operationsOf(document: JsonSchema): Operation[] {
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries<JsonSchema>(document.paths)) {
    for (const [method, operation] of Object.entries<JsonSchema>(item)) {
      operations.push({
        method: method.toUpperCase() as Operation["method"],
        template,
        secured: (operation.security ?? document.security ?? []).length > 0,
        parameters: operation.parameters ?? [],
        body: operation.requestBody?.content?.["application/json"]?.schema ?? null,
      });
    }
  }
  return operations;
}

export const isWrite = (operation: Operation) => operation.method !== "GET";
export const takesId = (operation: Operation) => operation.template.includes("{id}");

/** The record a path's {id} names: the collection segment right before it. */
function idFor(template: string, target: Target): string {
  const collection = /\/v1\/(?:.*\/)?([a-z_-]+)\/\{id\}/.exec(template)?.[1];
  const ids: Record<string, string> = {
    partners: target.records.partner.id,
    contacts: target.records.contact.id,
    interactions: target.records.interaction.id,
    commitments: target.records.commitment.id,
    referrals: target.records.referral.id,
    goals: target.records.goal.id,
    meetings: target.records.meeting.meeting.id,
    tokens: target.spareTokenId,
    captures: target.captureId,
    invitations: target.invitationId,
    connections: target.connectionId,
    "guest-links": target.guestLinkId,
  };
  const id = collection ? ids[collection] : undefined;
  if (!id) throw new Error(`${template}: no record for "${collection}"; add it to idFor() in test/worker/openapi-requests.ts`);
  return id;
}

/** Values for parameters and fields whose meaning a name says and a schema can't. */
function namedValue(name: string, target: Target): unknown {
  const named: Record<string, unknown> = {
    partner_id: target.records.partner.id,
    member_id: target.memberId,
    record_id: target.records.partner.id,
    record_type: "partner",
    email: target.records.contact.email,
    // A plan version every partner has: creating a partner writes version 1.
    version: 1,
  };
  return named[name];
}

/** Body fields that must name one of the target's records (a pattern alone can't say which). */
function bodyReference(name: string, target: Target): unknown {
  const references: Record<string, unknown> = {
    meeting_id: target.records.meeting.meeting.id,
    code: target.invitationCode,
    // An import row's fields are checked by the kind's own create schema, which the document can't show as one shape.
    fields: { name: "Matrix probe partner", kind: "reseller" },
  };
  return references[name];
}

function resolve(schema: JsonSchema, document: JsonSchema): JsonSchema {
  if (schema.$ref) return resolve(document.components.schemas[String(schema.$ref).split("/").pop()!], document);
  return schema;
}

/** A value the schema accepts; required fields only, plus one field for a PATCH that requires none. */
export function sample(schema: JsonSchema, document: JsonSchema, where: string, reference: (name: string) => unknown = () => undefined): unknown {
  const resolved = resolve(schema, document);
  if ("const" in resolved) return resolved.const;
  if (resolved.enum) return resolved.enum[0];
  const options = resolved.anyOf ?? resolved.oneOf;
  if (options) return sample(options.find((option: JsonSchema) => option.type !== "null") ?? options[0], document, where);
  const type = Array.isArray(resolved.type) ? resolved.type.find((t: string) => t !== "null") : resolved.type;
  switch (type) {
    case "string": return sampleString(resolved, where);
    case "integer":
    case "number": return Math.max(resolved.minimum ?? 1, Math.min(1, resolved.maximum ?? 1));
    case "boolean": return true;
    case "array": return Array.from({ length: resolved.minItems ?? 0 }, (_, i) => sample(resolved.items ?? {}, document, `${where}.${i}`, reference));
    case "object": {
      const properties: Record<string, JsonSchema> = resolved.properties ?? {};
      const names: string[] = resolved.required?.length ? resolved.required : Object.keys(properties).slice(0, 1);
      return Object.fromEntries(names.map((name) => [name, reference(name) ?? sample(properties[name] ?? {}, document, `${where}.${name}`, reference)]));
    }
  }
  throw new Error(`${where}: cannot make a value for ${JSON.stringify(resolved).slice(0, 200)}; teach sample() in test/worker/openapi-requests.ts`);
}

// Each email is new, so a sample never collides with one an earlier request created.
let emailCount = 0;

function sampleString(schema: JsonSchema, where: string): string {
  const formats: Record<string, string> = {
    email: `matrix.person.${++emailCount}@matrix-probe.example`, "date-time": "2026-01-15T10:00:00.000Z", date: "2026-01-15",
    uri: "https://matrix-probe.example/page",
  };
  if (schema.format && formats[schema.format]) return formats[schema.format]!;
  const patterns: Record<string, string> = { "^[A-Z]{3}$": "USD", "^[0-9]{1,20}$": "4242" };
  if (schema.pattern) {
    const value = patterns[schema.pattern];
    if (!value) throw new Error(`${where}: no sample for pattern ${schema.pattern}; add one in test/worker/openapi-requests.ts`);
    return value;
  }
  return "Matrix probe".padEnd(schema.minLength ?? 1, "x").slice(0, schema.maxLength ?? 200);
}

export interface FilledRequest {
  path: string;
  body?: unknown;
}

/** The operation as a request about the target's records. */
export function fill(operation: Operation, document: JsonSchema, target: Target): FilledRequest {
  let path = operation.template;
  const query = new URLSearchParams();
  for (const parameter of operation.parameters) {
    if (parameter.in === "path") {
      const value = parameter.name === "id" ? idFor(operation.template, target) : namedValue(parameter.name, target);
      if (value === undefined) throw new Error(`${operation.template}: no value for {${parameter.name}}; add one to namedValue() in test/worker/openapi-requests.ts`);
      path = path.replace(`{${parameter.name}}`, String(value));
      continue;
    }
    // Optional references are filled too, as probes into the target's data.
    const value = namedValue(parameter.name, target);
    if (value !== undefined) query.set(parameter.name, String(value));
    else if (parameter.required) query.set(parameter.name, String(sample(parameter.schema, document, parameter.name)));
  }
  const search = query.toString();
  const filled: FilledRequest = { path: search ? `${path}?${search}` : path };
  if (operation.body) filled.body = sample(operation.body, document, `${operation.method} ${operation.template} body`, (name) => bodyReference(name, target));
  return filled;
}

export const label = (operation: Operation) => `${operation.method} ${operation.template}`;
