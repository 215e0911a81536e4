import type { OpenAPIHono } from "@hono/zod-openapi";
import { html, raw } from "hono/html";
import { version } from "../../package.json";
import type { AppEnv } from "../env.ts";

export const openApiInfo = {
  openapi: "3.1.0",
  info: {
    title: "Mutual API",
    // One version for the API and the extension: package.json's.
    version,
    description:
      "The shared record of a team's partnerships. JSON under /v1 with Authorization: Bearer <token>. Errors are {\"error\":{\"code\",\"message\",\"issues\"}}. Every POST accepts an Idempotency-Key; every record has a version, returned as its ETag, that PATCH accepts in If-Match.",
  },
} as const;

type Operation = { summary?: string; description?: string; tags?: string[]; parameters?: { name: string; in: string; required?: boolean; schema?: unknown; description?: string }[]; requestBody?: { content?: Record<string, { schema?: unknown }> }; responses?: Record<string, { description?: string }> };

/**
 * A schema with its `$ref`s replaced by what they name, so a reader sees the
 * fields a body takes rather than a pointer; a schema already being expanded
 * (a cycle) stays a reference.
 */
export function inlineRefs(schema: unknown, components: Record<string, unknown>, expanding: string[] = []): unknown {
  if (Array.isArray(schema)) return schema.map((item) => inlineRefs(item, components, expanding));
  if (schema === null || typeof schema !== "object") return schema;
  const ref = (schema as { $ref?: unknown }).$ref;
  if (typeof ref === "string" && ref.startsWith("#/components/schemas/")) {
    const name = ref.slice("#/components/schemas/".length);
    if (expanding.includes(name) || !(name in components)) return schema;
    return inlineRefs(components[name], components, [...expanding, name]);
  }
  return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, inlineRefs(value, components, expanding)]));
}

/**
 * A readable page generated from the same OpenAPI document, with no scripts
 * or styles from elsewhere. hono/html escapes every interpolated value.
 */
export function registerDocsRoutes(app: OpenAPIHono<AppEnv>): void {
  app.doc31("/v1/openapi.json", openApiInfo);

  app.get("/v1/docs", (c) => {
    const document = app.getOpenAPI31Document(openApiInfo);
    const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({ path, method, operation })),
    );
    const tags = [...new Set(operations.map(({ operation }) => operation.tags?.[0] ?? "Other"))];
    const components = (document.components?.schemas ?? {}) as Record<string, unknown>;
    const schemaText = (schema: unknown) => JSON.stringify(inlineRefs(schema, components), null, 2);
    const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Mutual API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1d2433}
h2{border-bottom:1px solid #dde;padding-bottom:.3rem;margin-top:2.5rem}
.op{margin:1rem 0;padding:.75rem 1rem;border:1px solid #e3e6ef;border-radius:8px}
.method{display:inline-block;min-width:4.5rem;font-weight:700;text-transform:uppercase}
code,pre{font:13px ui-monospace,monospace}pre{background:#f6f7fb;padding:.75rem;overflow:auto;border-radius:6px}
details summary{cursor:pointer}
</style></head><body>
<h1>Mutual API</h1>
<p>${openApiInfo.info.description}</p>
<p>Machine-readable: <a href="/v1/openapi.json">/v1/openapi.json</a> (OpenAPI 3.1).</p>
<nav><ul>${tags.map((tag) => html`<li><a href="#${tag}">${tag}</a></li>`)}</ul></nav>
${tags.map(
  (tag) => html`<h2 id="${tag}">${tag}</h2>
${operations
  .filter(({ operation }) => (operation.tags?.[0] ?? "Other") === tag)
  .map(
    ({ path, method, operation }) => html`<div class="op">
<div><span class="method">${method}</span> <code>${path}</code> — ${operation.summary ?? ""}</div>
${operation.description ? html`<p>${operation.description}</p>` : raw("")}
${(operation.parameters ?? []).length > 0
  ? html`<p>Parameters: ${(operation.parameters ?? []).map((p) => html`<code>${p.name}</code> (${p.in}${p.required ? ", required" : ""}) `)}</p>`
  : raw("")}
${operation.requestBody?.content?.["application/json"]?.schema
  ? html`<details><summary>Request body</summary><pre>${schemaText(operation.requestBody.content["application/json"].schema)}</pre></details>`
  : raw("")}
<details><summary>Responses</summary><ul>${Object.entries(operation.responses ?? {}).map(
      ([status, response]) => html`<li><code>${status}</code> ${response.description ?? ""}</li>`,
    )}</ul></details>
</div>`,
  )}`,
)}
<h2 id="schemas">Schemas</h2>
${Object.entries(document.components?.schemas ?? {}).map(
  ([name, schema]) => html`<details><summary><code>${name}</code></summary><pre>${schemaText(schema)}</pre></details>`,
)}
</body></html>`;
    return c.html(page);
  });
}
