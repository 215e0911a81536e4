import { describe, expect, it } from "vitest";
import { cspHash } from "../../worker/http/csp-hash.ts";
import { api, newWorkspace } from "./api-client.ts";

// An invitation's url leads to a page saying how to accept it, for someone
// who may not have Mutual set up yet; the code never reaches the server.

describe("the invitation's url", () => {
  it("leads to the Worker's connect page, the code in the fragment", async () => {
    const owner = await newWorkspace("owner");
    const partner = await api(owner, "POST", "/v1/partners", { body: { name: "Brightpath", domains: [], kind: "si" } });
    const invitation = await api(owner, "POST", `/v1/partners/${partner.body.id}/invitations`);
    const url = new URL(invitation.body.url);
    expect(url.pathname).toBe("/connect");
    expect(url.hash).toBe(`#code=${invitation.body.code}`);

    const page = await api(null, "GET", url.pathname);
    expect(page.status).toBe(200);
    expect(page.body).toContain("Accept an invitation");
    expect(page.body).toContain("https://api.mutual.test");
    const policy = page.headers.get("Content-Security-Policy")!;
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("unsafe-inline");
    // The one script the page runs is the one the policy names by hash.
    const script = /<script>([^<]*)<\/script>/.exec(page.body as string)![1]!;
    expect(policy).toContain(`script-src ${await cspHash(script)}`);
    expect(script).not.toContain("innerHTML");
    expect(page.headers.get("Cache-Control")).toBe("no-store");
  });
});
