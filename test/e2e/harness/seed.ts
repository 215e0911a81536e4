/**
 * The data every e2e test starts from, written through the real API: the
 * partner of thread A (Acme, with an overdue promise we owe, a referral, a
 * goal and a touchpoint) and the partner of thread B (Globex).
 */
import type { ApiClient, Commitment, Partner } from "./api.ts";

export interface SeededPartner {
  id: string;
  name: string;
  domain: string;
}

export interface Seed {
  acme: SeededPartner & { overdueTitle: string; overdueDueOn: string; referralAccount: string; goalTitle: string };
  globex: SeededPartner & { theirPromiseTitle: string };
}

/** A UTC calendar date `days` from now. */
export function utcDate(days: number, now = new Date()): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

export async function seed(api: ApiClient): Promise<Seed> {
  const acme = await api.post<Partner>("/v1/partners", {
    name: "Acme Cloud Partners", kind: "reseller", tier: "Gold", status: "active", cadence_days: 14,
    domains: ["acme.co.uk"], visibility: "shared",
  });
  const overdueTitle = "Send the MDF approval";
  const overdueDueOn = utcDate(-10);
  await api.post<Commitment>(`/v1/partners/${acme.id}/commitments`, {
    title: overdueTitle, owed_by: "us", due_on: overdueDueOn, owner_email: "me@northwind-cloud.com", visibility: "shared",
  });
  await api.post(`/v1/partners/${acme.id}/interactions`, {
    kind: "call", direction: "outbound", occurred_at: new Date(Date.now() - 20 * 86_400_000).toISOString(),
    summary: "Pipeline review with Jo", participants: ["jo@acme.co.uk"], visibility: "shared",
  });
  const referralAccount = "Initech Retail";
  await api.post(`/v1/partners/${acme.id}/referrals`, {
    direction: "to_us", account_name: referralAccount, amount_minor: 4_500_000, currency: "GBP", visibility: "shared",
  });
  const goalTitle = "Co-sell pipeline";
  await api.post(`/v1/partners/${acme.id}/goals`, {
    title: goalTitle, metric: "pipeline_gbp", target: 500_000, current: 120_000, due_on: utcDate(120), visibility: "shared",
  });

  const globex = await api.post<Partner>("/v1/partners", {
    name: "Globex Systems", kind: "msp", tier: "Silver", status: "active", cadence_days: 30,
    domains: ["globex-systems.com"], visibility: "shared",
  });
  const theirPromiseTitle = "Share the pilot customer list";
  await api.post(`/v1/partners/${globex.id}/commitments`, {
    title: theirPromiseTitle, owed_by: "partner", due_on: utcDate(7), visibility: "shared",
  });

  // Email capture is on by default; the tests of capture turn it on for
  // themselves (capture.test.ts), so that opening a thread in any other test
  // never changes last contact or the outbox under it.
  await api.patch("/v1/workspace/settings", { capture: { email: false } });

  return {
    acme: { id: acme.id, name: acme.name, domain: "acme.co.uk", overdueTitle, overdueDueOn, referralAccount, goalTitle },
    globex: { id: globex.id, name: globex.name, domain: "globex-systems.com", theirPromiseTitle },
  };
}
