import { env } from "cloudflare:test";
import { expect } from "vitest";
import { api, newWorkspace, type TestCaller } from "./api-client.ts";

/** Gives the member an address at a domain of its own, as a real company's people have. */
export async function workAddress(caller: TestCaller, company: string): Promise<string> {
  const domain = `${company}-${caller.workspaceId.slice(4, 12)}.com`;
  const email = `dana@${domain}`;
  await env.DB.prepare("UPDATE members SET email = ? WHERE id = ?").bind(email, caller.memberId).run();
  caller.email = email;
  return domain;
}

export interface ConnectedPair {
  /** Northwind's workspace, and its partner record for Brightpath. */
  A: TestCaller;
  brightpathInA: string;
  /** Brightpath's workspace, and its partner record for Northwind. */
  B: TestCaller;
  northwindInB: string;
  northwindDomain: string;
  brightpathDomain: string;
  connectionId: string;
}

/** Two workspaces, each holding the other company as a partner, connected by A's invitation. */
export async function connectedPair(): Promise<ConnectedPair> {
  const A = await newWorkspace("owner", `northwind-${Math.random().toString(36).slice(2, 10)}`);
  const B = await newWorkspace("owner", `brightpath-${Math.random().toString(36).slice(2, 10)}`);
  const northwindDomain = await workAddress(A, "northwind");
  const brightpathDomain = await workAddress(B, "brightpath");
  const inA = await api(A, "POST", "/v1/partners", { body: { name: "Brightpath", domains: [brightpathDomain], kind: "si" } });
  const inB = await api(B, "POST", "/v1/partners", { body: { name: "Northwind", domains: [northwindDomain], kind: "isv" } });
  expect([inA.status, inB.status]).toEqual([201, 201]);
  const invitation = await api(A, "POST", `/v1/partners/${inA.body.id}/invitations`);
  const accepted = await api(B, "POST", "/v1/connections", { body: { code: invitation.body.code } });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
  expect(accepted.body.partner_id).toBe(inB.body.id);
  return {
    A, brightpathInA: inA.body.id, B, northwindInB: inB.body.id, northwindDomain, brightpathDomain, connectionId: accepted.body.id,
  };
}
