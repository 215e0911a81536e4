import { describe, expect, it } from "vitest";
import { acmePartner, api, newWorkspace } from "./api-client.ts";

describe("smoke", () => {
  it("creates and looks up a partner", async () => {
    const caller = await newWorkspace();
    const created = await api(caller, "POST", "/v1/partners", { body: acmePartner });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const lookup = await api(caller, "GET", "/v1/lookup?email=jo@sales.acme.co.uk");
    expect(lookup.status, JSON.stringify(lookup.body)).toBe(200);
    expect(lookup.body.matches[0].partner.name).toBe("Acme Cloud Partners");
    expect(lookup.headers.get("Server-Timing")).toMatch(/rows_read=\d+/);
  });
});
