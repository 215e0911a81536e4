import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { guestTokenPayload } from "../../shared/sharing/guest-link.ts";
import { sha256Hex } from "../../shared/sha256.ts";
import { hmacHex } from "../../worker/http/hmac.ts";
import { addMember, api, newWorkspace } from "./api-client.ts";
import { expectError } from "./fixtures.ts";
import { brightpath, formTokenIn, guestLink, partner, record, visit } from "./guest-fixtures.ts";

// The guest page: a signed, expiring, revocable link to one partner's shared
// records, for a partner company not on Mutual, and nothing else.

describe("guest links", () => {
  it("are made by owners and admins, expire in 30 days unless chosen, are listed without their url, and revoked", async () => {
    const { A, partnerId } = await brightpath();
    const link = await guestLink(A, partnerId);
    expect(link.status).toBe("active");
    expect(Date.parse(link.expires_at) - Date.parse(link.created_at)).toBeGreaterThan(30 * 86_400_000 - 1000);
    expect(Date.parse(link.expires_at) - Date.parse(link.created_at)).toBeLessThanOrEqual(30 * 86_400_000);
    const short = await guestLink(A, partnerId, { expires_in_days: 7 });
    expect(Date.parse(short.expires_at) - Date.parse(short.created_at)).toBeLessThanOrEqual(7 * 86_400_000);
    expectError(await api(A, "POST", `/v1/partners/${partnerId}/guest-links`, { body: { expires_in_days: 0 } }), 400, "invalid_request");

    const listed = await api(A, "GET", `/v1/partners/${partnerId}/guest-links`);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([short.id, link.id]);
    expect(JSON.stringify(listed.body)).not.toContain(link.path.slice(7));
    const stored = await env.DB.prepare("SELECT token_hash FROM guest_links WHERE id = ?").bind(link.id).first<{ token_hash: string }>();
    expect(stored!.token_hash).toBe(await sha256Hex(link.path.slice("/guest/".length)));

    const member = await addMember(A.workspaceId, "member");
    expectError(await api(member, "POST", `/v1/partners/${partnerId}/guest-links`, { body: {} }), 403, "forbidden");
    expectError(await api(member, "GET", `/v1/partners/${partnerId}/guest-links`), 403, "forbidden");
    expect((await api(A, "DELETE", `/v1/guest-links/${link.id}`)).status).toBe(204);
    expect((await api(A, "GET", `/v1/partners/${partnerId}/guest-links`)).body.items[1].status).toBe("revoked");
    const audit = await api(A, "GET", `/v1/audit?record_type=guest_link&record_id=${link.id}`);
    expect(audit.body.items.map((entry: { action: string }) => entry.action).sort()).toEqual(["create", "update"]);
  });

  it("open a page of the partner's shared records only, sides flipped, no-store, unframeable, no script", async () => {
    const { A, partnerId } = await brightpath();
    await api(A, "POST", `/v1/partners/${partnerId}/plan/sharing`, { body: { visibility: "shared" } });
    const link = await guestLink(A, partnerId);
    const page = await visit(link.path);
    expect(page.status).toBe(200);
    const text = page.body as string;
    // Sides flip: what Northwind records as owed by its partner is what the guest's company owes.
    const [, yours = "", theirs = ""] = text.split(/<h2>[^<]*owes?<\/h2>/);
    expect(yours).toContain("Send the EMEA reseller list");
    expect(yours).not.toContain("Share the Q3 roadmap deck");
    expect(theirs).toContain("Share the Q3 roadmap deck");
    expect(text).toContain("Ten joint deals");
    expect(text).toContain("You referred to");
    expect(text).not.toContain("Private:");
    expect(page.headers.get("Cache-Control")).toBe("no-store");
    expect(page.headers.get("Referrer-Policy")).toBe("no-referrer");
    const policy = page.headers.get("Content-Security-Policy")!;
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("script-src");
    expect(text).not.toContain("<script");
  });

  it("escape every text a record holds", async () => {
    const { A, partnerId } = await brightpath();
    await record(A, partnerId, "commitments", { title: `<img src=x onerror=alert(1)> & "quotes"`, owed_by: "partner", visibility: "shared" });
    const text = (await visit((await guestLink(A, partnerId)).path)).body as string;
    expect(text).not.toContain("<img src=x");
    expect(text).toContain("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;");
  });

  it("let the guest tick off their own promise and leave a comment, both audited and seen by the workspace", async () => {
    const { A, partnerId, ids } = await brightpath();
    const link = await guestLink(A, partnerId);
    const formToken = formTokenIn((await visit(link.path)).body);
    const done = await visit(`${link.path}/promises/${ids.theyOwe}/done`, { form_token: formToken });
    expect(done.status).toBe(303);
    expect((await visit(done.headers.get("Location")!)).body).toContain("Marked done");
    const commitment = await api(A, "GET", `/v1/commitments/${ids.theyOwe}`);
    expect(commitment.body).toMatchObject({ status: "done", version: 2 });

    const sent = await visit(`${link.path}/comments`, { form_token: formToken, comment: "Sent the list <b>today</b>" });
    expect(sent.status).toBe(303);
    const notes = await api(A, "GET", `/v1/partners/${partnerId}/interactions`);
    const note = notes.body.items.find((item: { summary: string }) => item.summary.includes("today"));
    expect(note).toMatchObject({ kind: "note", visibility: "shared", summary: "Comment from guest of Brightpath: Sent the list <b>today</b>" });

    const audit = await api(A, "GET", `/v1/audit?record_type=commitment&record_id=${ids.theyOwe}`);
    const tick = audit.body.items.find((entry: { action: string }) => entry.action === "update");
    expect(JSON.stringify(tick)).toContain("guest of Brightpath");
    const noteAudit = await api(A, "GET", `/v1/audit?record_type=interaction&record_id=${note.id}`);
    expect(JSON.stringify(noteAudit.body)).toContain(link.id);
  });

  it("refuse ticking anything but an open shared promise the guest's company owes, writing nothing", async () => {
    const { A, partnerId, ids } = await brightpath();
    const other = await partner(A, "Globex");
    const othersPromise = await record(A, other, "commitments", { title: "Globex's promise", owed_by: "partner", visibility: "shared" });
    const link = await guestLink(A, partnerId);
    const formToken = formTokenIn((await visit(link.path)).body);
    for (const id of [ids.privateOwe, ids.weOwe, othersPromise, ids.goal]) {
      expect((await visit(`${link.path}/promises/${id}/done`, { form_token: formToken })).status, id).toBe(404);
    }
    for (const id of [ids.privateOwe, ids.weOwe]) expect((await api(A, "GET", `/v1/commitments/${id}`)).body.status).toBe("open");
    expect((await api(A, "GET", `/v1/commitments/${othersPromise}`)).body.status).toBe("open");
  });

  it("refuse posts without the page's form token, from another site, and empty comments", async () => {
    const { A, partnerId, ids } = await brightpath();
    const link = await guestLink(A, partnerId);
    const formToken = formTokenIn((await visit(link.path)).body);
    expect((await visit(`${link.path}/promises/${ids.theyOwe}/done`, { form_token: "0".repeat(64) })).status).toBe(403);
    expect((await visit(`${link.path}/promises/${ids.theyOwe}/done`, {})).status).toBe(403);
    expect((await visit(`${link.path}/promises/${ids.theyOwe}/done`, { form_token: formToken }, { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
    const otherLink = await guestLink(A, await partner(A, "Globex"));
    const otherToken = formTokenIn((await visit(otherLink.path)).body);
    expect((await visit(`${link.path}/promises/${ids.theyOwe}/done`, { form_token: otherToken })).status).toBe(403);
    expect((await api(A, "GET", `/v1/commitments/${ids.theyOwe}`)).body.status).toBe("open");
    const empty = await visit(`${link.path}/comments`, { form_token: formToken, comment: "   " });
    expect(empty.status).toBe(400);
    expect(empty.body).toContain("comment:");
  });

  it("refuse tampered, expired, revoked links, and open nothing else with the token", async () => {
    const { A, partnerId, ids } = await brightpath();
    const link = await guestLink(A, partnerId);
    const token = link.path.slice("/guest/".length);
    const [id, expires, nonce, signature] = token.split(".") as [string, string, string, string];
    // A later expiry, another nonce, another link's id: each breaks the signature.
    for (const forged of [`${id}.${Number(expires) + 86_400}.${nonce}.${signature}`, `${id}.${expires}.${"a".repeat(32)}.${signature}`,
      `gst_${"b".repeat(24)}.${expires}.${nonce}.${signature}`, `${id}.${expires}.${nonce}.${"0".repeat(64)}`, "not-a-token"]) {
      const page = await visit(`/guest/${forged}`);
      expect(page.status, forged).toBe(404);
      expect(page.body).not.toContain("Brightpath");
    }
    // The token is no API token, and names no other route.
    expectError(await api(null, "GET", `/v1/partners/${partnerId}`, { headers: { Authorization: `Bearer ${token}` } }), 401, "unauthorized");
    expect((await visit(`/guest/${token}/commitments/${ids.theyOwe}`)).status).toBe(404);
    expect((await visit(`/guest/${token}/promises/${ids.theyOwe}/done`)).status).toBe(404);

    // Expired by its row (the token's own expiry still ahead), then by the token, signed with the real secret.
    await env.DB.prepare("UPDATE guest_links SET expires_at = ? WHERE id = ?").bind("2026-01-01T00:00:00.000Z", link.id).run();
    expect((await visit(link.path)).status).toBe(410);
    const pastPayload = guestTokenPayload(`gst_${"c".repeat(24)}`, new Date("2026-01-01T00:00:00Z"), "d".repeat(32));
    const pastToken = `${pastPayload}.${await hmacHex(env.GUEST_LINK_SECRET!, pastPayload)}`;
    await env.DB.prepare(`INSERT INTO guest_links (id, token_hash, workspace_id, partner_id, created_by_member_id, created_at, expires_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)`).bind(`gst_${"c".repeat(24)}`, await sha256Hex(pastToken), A.workspaceId, partnerId, A.memberId, "2025-12-01T00:00:00.000Z", "2099-01-01T00:00:00.000Z").run();
    expect((await visit(`/guest/${pastToken}`)).status).toBe(410);

    const revoked = await guestLink(A, partnerId);
    const formToken = formTokenIn((await visit(revoked.path)).body);
    await api(A, "DELETE", `/v1/guest-links/${revoked.id}`);
    expect((await visit(revoked.path)).status).toBe(410);
    expect((await visit(`${revoked.path}/promises/${ids.theyOwe}/done`, { form_token: formToken })).status).toBe(410);
    expect((await api(A, "GET", `/v1/commitments/${ids.theyOwe}`)).body.status).toBe("open");
  });

  it("are each workspace's own: another workspace can't list, revoke or make one for its partner", async () => {
    const { A, partnerId } = await brightpath();
    const B = await newWorkspace("owner");
    const link = await guestLink(A, partnerId);
    expectError(await api(B, "GET", `/v1/partners/${partnerId}/guest-links`), 404, "not_found");
    expectError(await api(B, "POST", `/v1/partners/${partnerId}/guest-links`, { body: {} }), 404, "not_found");
    expectError(await api(B, "DELETE", `/v1/guest-links/${link.id}`), 404, "not_found");
    expect((await visit(link.path)).status).toBe(200);
  });
});
