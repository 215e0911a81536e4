import { expect } from "vitest";
import { api, newWorkspace, type TestCaller } from "./api-client.ts";

/** Guest links and the records they show, made through the API, and a browser without script visiting them. */

export async function partner(caller: TestCaller, name: string) {
  const made = await api(caller, "POST", "/v1/partners", { body: { name, domains: [], kind: "reseller" } });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return made.body.id as string;
}

export async function record(caller: TestCaller, partnerId: string, collection: string, body: object) {
  const made = await api(caller, "POST", `/v1/partners/${partnerId}/${collection}`, { body });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return made.body.id as string;
}

export async function guestLink(caller: TestCaller, partnerId: string, body: object = {}) {
  const made = await api(caller, "POST", `/v1/partners/${partnerId}/guest-links`, { body });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return { ...made.body, path: new URL(made.body.url).pathname } as { id: string; url: string; path: string; expires_at: string; created_at: string; status: string };
}

/** A browser without script: a plain GET, or a form post from the page itself. */
export async function visit(path: string, form?: Record<string, string>, headers: Record<string, string> = {}) {
  if (!form) return api(null, "GET", path, { headers });
  return api(null, "POST", path, {
    rawBody: new URLSearchParams(form).toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://api.mutual.test", "Sec-Fetch-Site": "same-origin", ...headers },
  });
}

export const formTokenIn = (page: string) => /name="form_token" value="([0-9a-f]{64})"/.exec(page)?.[1] ?? "";

/** Northwind's record of Brightpath, with shared and private records both ways. */
export async function brightpath() {
  const A = await newWorkspace("owner");
  const partnerId = await partner(A, "Brightpath");
  const ids = {
    theyOwe: await record(A, partnerId, "commitments", { title: "Send the EMEA reseller list", owed_by: "partner", visibility: "shared" }),
    weOwe: await record(A, partnerId, "commitments", { title: "Share the Q3 roadmap deck", owed_by: "us", visibility: "shared" }),
    privateOwe: await record(A, partnerId, "commitments", { title: "Private: chase their unpaid invoice", owed_by: "partner" }),
    goal: await record(A, partnerId, "goals", { title: "Ten joint deals", target: 10, current: 3, visibility: "shared" }),
    privateGoal: await record(A, partnerId, "goals", { title: "Private: renegotiate margin" }),
    referral: await record(A, partnerId, "referrals", { direction: "to_us", account_name: "Globex Retail", stage: "submitted", submitted_at: "2026-03-01T09:00:00Z", visibility: "shared" }),
  };
  return { A, partnerId, ids };
}
