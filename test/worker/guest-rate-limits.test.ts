import { describe, expect, it } from "vitest";
import { api, newWorkspace, type ApiResponse } from "./api-client.ts";
import { brightpath, formTokenIn, guestLink, visit } from "./guest-fixtures.ts";

// Guest pages are open to anyone with the address: guessing addresses is
// slowed per client, and what one link can change is bounded per link.

const from = (address: string) => ({ "CF-Connecting-IP": address });

describe("guest link limits", () => {
  it("turn away a client whose links keep opening nothing, whatever it tries next, and no other client", async () => {
    const { A, partnerId } = await brightpath();
    const link = await guestLink(A, partnerId);
    const guesser = from("203.0.113.77");
    const statuses: number[] = [];
    let limited: ApiResponse | undefined;
    for (let i = 0; i < 45; i += 1) {
      const response = await visit(`/guest/not-a-link-${i}`, undefined, guesser);
      statuses.push(response.status);
      limited ??= response.status === 429 ? response : undefined;
    }
    // 20 a minute are allowed (AUTH_FAILURE_LIMIT); the window may turn once during the run.
    expect(statuses.filter((status) => status === 404).length).toBeGreaterThanOrEqual(20);
    expect(statuses.filter((status) => status === 404).length).toBeLessThanOrEqual(40);
    expect(new Set(statuses)).toEqual(new Set([404, 429]));
    expect(limited!.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(Number(limited!.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(limited!.body).toContain("Too many tries");

    // A working link from that client is turned away too, until the period has passed; from anyone else it opens.
    expect((await visit(link.path, undefined, guesser)).status).toBe(429);
    expect((await visit(link.path, undefined, from("198.51.100.20"))).status).toBe(200);
    // Its API sign-ins are counted apart: a good token still works from that address.
    expect((await api(A, "GET", "/v1/me", { headers: guesser })).status).toBe(200);
  }, 60_000);

  it("bound what one link can change: past its budget a post is 429 and writes nothing", async () => {
    const { A, partnerId } = await brightpath();
    const link = await guestLink(A, partnerId);
    const guest = from("198.51.100.31");
    const formToken = formTokenIn((await visit(link.path, undefined, guest)).body);
    const statuses: number[] = [];
    // 30 a minute (GUEST_WRITE_LIMIT); a run that straddles two windows may get up to twice that.
    while (!statuses.includes(429) && statuses.length < 70) {
      statuses.push((await visit(`${link.path}/comments`, { form_token: formToken, comment: `Note ${statuses.length}` }, guest)).status);
    }
    const sent = statuses.filter((status) => status === 303).length;
    expect(statuses.at(-1)).toBe(429);
    expect(sent).toBeGreaterThanOrEqual(30);
    expect(sent).toBeLessThanOrEqual(60);

    const notes = await api(A, "GET", `/v1/partners/${partnerId}/interactions?limit=100`);
    expect(notes.status).toBe(200);
    expect(notes.body.items.filter((item: { summary: string }) => item.summary.startsWith("Comment from guest")).length).toBe(sent);
    // Another link to the same partner has its own budget.
    const other = await guestLink(A, partnerId);
    const otherToken = formTokenIn((await visit(other.path, undefined, guest)).body);
    expect((await visit(`${other.path}/comments`, { form_token: otherToken, comment: "From the other link" }, guest)).status).toBe(303);
  }, 60_000);
});
