import { describe, expect, it } from "vitest";
import { operation } from "../../worker/http/openapi-parts.ts";
import { api } from "./api-client.ts";

describe("http/openapi-parts.ts operation()", () => {
  it("names the tag, the bearer token and the id, and says nothing of a description it was not given", () => {
    expect(operation("Partners", "getPartner", "Get a partner")).toEqual({
      tags: ["Partners"], security: [{ bearer: [] }], operationId: "getPartner", summary: "Get a partner",
    });
    expect("description" in operation("Partners", "getPartner", "Get a partner")).toBe(false);
    expect(operation("Health", "getHealthTrends", "Trends", "For sparklines").description).toBe("For sparklines");
  });

  it("every documented operation asks for the bearer token", async () => {
    const document = (await api(null, "GET", "/v1/openapi.json")).body;
    const unsecured = Object.entries(document.paths as Record<string, Record<string, { security?: unknown }>>).flatMap(([path, item]) =>
      Object.entries(item).filter(([, op]) => JSON.stringify(op.security) !== JSON.stringify([{ bearer: [] }])).map(([method]) => `${method} ${path}`));
    expect(unsecured).toEqual([]);
  });
});
