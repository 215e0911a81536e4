import { describe, expect, it } from "vitest";
import { version } from "../../package.json";
import { api } from "./api-client.ts";

// The API and the extension take their version from one place, package.json.
describe("the API's version", () => {
  it("is package.json's, on /healthz and in the OpenAPI document", async () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    const health = await api(null, "GET", "/healthz");
    expect(health.body).toEqual({ ok: true, version });
    const document = await api(null, "GET", "/v1/openapi.json");
    expect(document.body.info.version).toBe(version);
  });
});
