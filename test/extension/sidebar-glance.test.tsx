import { render } from "preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { emptyHistory } from "../../shared/health/history.ts";
import { scorePartnership } from "../../shared/health/score-partnership.ts";
import type { LookupMatch } from "../../shared/schemas/lookup.ts";
import { Sidebar } from "../../extension/sidebar/Sidebar.tsx";
import { collapsed, lookupState, noPeople, pageContext } from "../../extension/sidebar/store.ts";
import { thriving } from "../shared/health/scenarios.ts";

/** The sidebar at a glance: a fixed top, folding sections, a new partner's one line, closed referrals as text. */
let host: HTMLElement;
const now = new Date();
const at = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
const base = { partner_id: "ptr_1", visibility: "private" as const, version: 1, created_at: at(30), updated_at: at(30) };

function matchOf(overrides: Partial<LookupMatch>): LookupMatch {
  return {
    partner: {
      id: "ptr_1", name: "Thriving Systems", domains: ["thriving.example"], salesforce_account_id: null, hubspot_company_id: null, linkedin_slug: null,
      kind: "isv", tier: null, status: "active", cadence_days: 14, owner_email: null, business_model: null, objectives: null, plan: {},
      visibility: "private", last_contact_at: null, health: null, version: 1, created_at: at(30), updated_at: at(30),
    },
    matched_by: [{ type: "domain", value: "thriving.example" }],
    health: scorePartnership(emptyHistory({ name: "Thriving Systems", status: "active", cadence_days: 14, created_at: at(3) }), now),
    last_contact: null, open_commitments: [], recent_interactions: [],
    referrals: {
      to_us: { total: 0, submitted: 0, accepted: 0, won: 0, lost: 0, rejected: 0, won_value: [] },
      to_partner: { total: 0, submitted: 0, accepted: 0, won: 0, lost: 0, rejected: 0, won_value: [] },
      recent: [],
    },
    goals: [],
    ...overrides,
  } as LookupMatch;
}

const page = { sourceUrl: "https://mail.google.com/mail/u/0/#inbox/T", people: [], ownAddress: null, link: null };
function shown(match: LookupMatch) {
  lookupState.value = { status: "ready", data: { matches: [match] }, fromCache: false, fetchedAt: null, error: null, people: noPeople };
  render(<Sidebar page={page} unknownCompany={null} onToggle={() => undefined} />, host);
  return host;
}

beforeEach(() => {
  fakeBrowser.reset();
  host = document.createElement("div");
  document.body.append(host);
  collapsed.value = false;
  pageContext.value = { kind: "email", site: "gmail", threadId: "T", messageIds: ["m"], subject: null, ownAddress: null, emails: ["a@thriving.example"], url: page.sourceUrl };
});
afterEach(() => {
  render(null, host);
  host.remove();
});

describe("the sidebar at a glance", () => {
  it("gives a new partner one line of what to do first, not five empty bars", () => {
    const text = shown(matchOf({})).textContent!;
    expect(text).toContain("New partner: start with Log touchpoint");
    expect(host.querySelectorAll(".trait-bar")).toHaveLength(0);
  });

  it("puts health, what each side owes (overdue counted) and last contact at the top", () => {
    const match = matchOf({
      health: scorePartnership(thriving, now),
      last_contact: { kind: "email", direction: "inbound", summary: "", participants: [], at: at(1), days_since: 1, cadence_days: 14, overdue: false },
      open_commitments: [
        { ...base, id: "cmt_1", title: "Send the MDF plan", owed_by: "us", owner_email: null, due_on: at(3).slice(0, 10), status: "open", completed_at: null, source_url: null, meeting_id: null, overdue: true },
        { ...base, id: "cmt_2", title: "Share the deal list", owed_by: "partner", owner_email: null, due_on: null, status: "open", completed_at: null, source_url: null, meeting_id: null, overdue: false },
      ],
    });
    const glance = shown(match).querySelector(".glance")!.textContent!;
    expect(glance).toContain("We owe1 open, 1 overdue");
    expect(glance).toContain("They owe1 open");
    expect(glance).toContain("Last contactyesterday (every 14 days)");
    expect(host.textContent).not.toContain("0 days ago");
    const labels = [...host.querySelectorAll("button")].map((button) => button.getAttribute("aria-label"));
    expect(labels).toContain('Delete "Send the MDF plan"');
    expect(labels).toContain('Cancel "Send the MDF plan"');
  });

  it("shows a closed referral's stage as text, amounts and goal figures in the locale's format", () => {
    const referral = { ...base, id: "ref_1", direction: "to_us" as const, account_name: "Globex", amount_minor: 4_500_000, currency: "GBP", stage: "won" as const, submitted_at: at(40), stage_history: [], notes: null, fee_paid_at: null };
    const goal = { ...base, id: "gol_1", title: "Pipeline", metric: null, target: 500000, current: 394403, due_on: null, milestones: [], last_reviewed_at: null };
    const match = matchOf({ health: scorePartnership(thriving, now), referrals: { ...matchOf({}).referrals, recent: [referral, { ...referral, id: "ref_2", stage: "submitted" }] }, goals: [goal] });
    shown(match);
    expect(host.querySelectorAll(".referrals select")).toHaveLength(1);
    expect(host.querySelector(".referrals .stage.won")?.textContent).toBe("Won");
    expect(host.textContent).toContain(new Intl.NumberFormat(undefined, { style: "currency", currency: "GBP", maximumFractionDigits: 0 }).format(45000));
    expect(host.textContent).toContain(`${(394403).toLocaleString()} of ${(500000).toLocaleString()}`);
  });
});
