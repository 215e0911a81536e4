import { describe, expect, it } from "vitest";
import { endConnectionWarning, invitationCodeIn } from "../../extension/entrypoints/dashboard/ConnectionsPage.tsx";
import { sharingMessage } from "../../extension/messaging/sharing-message.ts";

const code = `mutual_inv_${"a1".repeat(16)}`;

describe("accepting an invitation from the dashboard", () => {
  it("takes the code itself or the invitation's link", () => {
    expect(invitationCodeIn(` ${code} `)).toBe(code);
    expect(invitationCodeIn(`https://api.example.com/connect#code=${code}`)).toBe(code);
    expect(invitationCodeIn("mutual_inv_short")).toBeNull();
    expect(invitationCodeIn("")).toBeNull();
  });

  it("says before ending a connection what each side keeps", () => {
    const warning = endConnectionWarning("Brightpath");
    expect(warning).toContain("nothing crosses");
    expect(warning).toContain("Each side keeps the records it wrote");
  });
});

describe("the dashboard's sharing message", () => {
  it("reaches the sharing endpoints and settings only", () => {
    const ok = (path: string, method = "GET") => sharingMessage.safeParse({ type: "sharing", method, path }).success;
    expect(ok("/v1/connections")).toBe(true);
    expect(ok(`/v1/connections/cnx_${"0".repeat(24)}`, "DELETE")).toBe(true);
    expect(ok(`/v1/partners/ptr_${"0".repeat(24)}/guest-links`, "POST")).toBe(true);
    expect(ok(`/v1/guest-links/gst_${"0".repeat(24)}`, "DELETE")).toBe(true);
    expect(ok("/v1/workspace/settings", "PATCH")).toBe(true);
    expect(ok("/v1/tokens", "POST")).toBe(false);
    expect(ok(`/v1/partners/ptr_${"0".repeat(24)}`, "DELETE")).toBe(false);
    expect(ok("/v1/connections/../tokens")).toBe(false);
  });
});
