import { describe, expect, it } from "vitest";
import { addMember, api, newWorkspace } from "./api-client.ts";
import { expectError } from "./fixtures.ts";

// The workspace's default visibility: what the sidebar's Share toggle starts
// from. Private until an owner or admin changes it, and never a reason for
// the API to share a record that did not ask to be.

describe("the workspace's default visibility", () => {
  it("is private until an owner or admin changes it, audited", async () => {
    const owner = await newWorkspace("owner");
    expect((await api(owner, "GET", "/v1/workspace/settings")).body.sharing).toEqual({ default_visibility: "private" });
    const member = await addMember(owner.workspaceId, "member");
    expect((await api(member, "GET", "/v1/workspace/settings")).body.sharing).toEqual({ default_visibility: "private" });
    expectError(await api(member, "PATCH", "/v1/workspace/settings", { body: { sharing: { default_visibility: "shared" } } }), 403, "forbidden");

    const changed = await api(owner, "PATCH", "/v1/workspace/settings", { body: { sharing: { default_visibility: "shared" } } });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.sharing).toEqual({ default_visibility: "shared" });
    expect((await api(member, "GET", "/v1/workspace/settings")).body.sharing).toEqual({ default_visibility: "shared" });
    const audit = await api(owner, "GET", `/v1/audit?record_type=workspace&record_id=${owner.workspaceId}`);
    expect(audit.body.items[0]).toMatchObject({ before: { sharing: { default_visibility: "private" } }, after: { sharing: { default_visibility: "shared" } } });

    // Other settings keep it, and it keeps them.
    await api(owner, "PATCH", "/v1/workspace/settings", { body: { capture: { subjects: true } } });
    const both = (await api(owner, "GET", "/v1/workspace/settings")).body;
    expect(both.sharing).toEqual({ default_visibility: "shared" });
    expect(both.capture.subjects).toBe(true);
  });

  it("refuses anything but private or shared, naming the field, and changes nothing", async () => {
    const owner = await newWorkspace("owner");
    for (const sharing of [{ default_visibility: "public" }, { default_visibility: null }, { other: 1 }]) {
      const refused = expectError(await api(owner, "PATCH", "/v1/workspace/settings", { body: { sharing } }), 400, "invalid_request");
      expect(JSON.stringify(refused), JSON.stringify(sharing)).toContain("sharing");
    }
    expect((await api(owner, "GET", "/v1/workspace/settings")).body.sharing).toEqual({ default_visibility: "private" });
  });

  it("does not share a record sent without a visibility", async () => {
    const owner = await newWorkspace("owner");
    await api(owner, "PATCH", "/v1/workspace/settings", { body: { sharing: { default_visibility: "shared" } } });
    const partner = await api(owner, "POST", "/v1/partners", { body: { name: "Brightpath", domains: [], kind: "si" } });
    const promise = await api(owner, "POST", `/v1/partners/${partner.body.id}/commitments`, { body: { title: "Send the list", owed_by: "us" } });
    expect(promise.body.visibility).toBe("private");
  });
});
