import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { scorePartnership } from "../../shared/health/score-partnership.ts";
import type { LookupMatch } from "../../shared/schemas/lookup.ts";
import { Sidebar } from "../../extension/sidebar/Sidebar.tsx";
import { collapsed, lookupState, noPeople, pageContext, type LookupState } from "../../extension/sidebar/store.ts";
import { partnerTrends } from "../../extension/sidebar/trends.ts";
import { thriving } from "../shared/health/scenarios.ts";

/** The score at the card's top with its trend: asked for once the lookup is painted, in one request, quiet when it fails. */
let host: HTMLElement;
const now = new Date();
const at = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
const dayOf = (days: number) => at(days).slice(0, 10);
let asked: string[];
let trendReply: unknown;

function matchOf(id: string, name: string): LookupMatch {
  return {
    partner: {
      id, name, domains: [`${id}.example`], salesforce_account_id: null, hubspot_company_id: null, linkedin_slug: null, kind: "isv", tier: null, status: "active",
      cadence_days: 14, owner_email: null, business_model: null, objectives: null, plan: {}, visibility: "private", last_contact_at: null,
      health: null, version: 1, created_at: at(300), updated_at: at(1),
    },
    matched_by: [{ type: "domain", value: `${id}.example` }],
    health: scorePartnership(thriving, now),
    last_contact: { kind: "email", direction: "inbound", summary: "", participants: [], at: at(1), days_since: 1, cadence_days: 14, overdue: false },
    open_commitments: [], recent_interactions: [],
    referrals: {
      to_us: { total: 0, submitted: 0, accepted: 0, won: 0, lost: 0, rejected: 0, won_value: [] },
      to_partner: { total: 0, submitted: 0, accepted: 0, won: 0, lost: 0, rejected: 0, won_value: [] },
      recent: [],
    },
    goals: [],
  } as LookupMatch;
}

const acme = matchOf("ptr_acme", "Acme");
const globex = matchOf("ptr_globex", "Globex");
// Acme's first ten days were backfilled after an import; it rose from 62 to 68.
const acmeTrend = Array.from({ length: 31 }, (_, i) => ({ day: dayOf(30 - i), score: i === 30 ? 68 : 62, backfilled: i < 10 }));
const globexTrend = [{ day: dayOf(30), score: 55, backfilled: false }, { day: dayOf(0), score: 55, backfilled: false }];
const page = { sourceUrl: "https://mail.google.com/mail/u/0/#inbox/T", people: [], ownAddress: null, link: null };

async function shown(status: LookupState["status"], fromCache = false) {
  await act(async () => {
    lookupState.value = { status, data: { matches: [acme, globex] }, fromCache, fetchedAt: null, error: null, people: noPeople };
    render(<Sidebar page={page} unknownCompany={null} onToggle={() => undefined} />, host);
  });
  // Effects run after paint (a frame, then a task); let them and their replies land.
  await act(async () => new Promise((resolve) => setTimeout(resolve, 50)));
}
const top = (name: string) => host.querySelector(`article[aria-label="${name}"] .glance`)!;

beforeEach(() => {
  fakeBrowser.reset();
  asked = [];
  partnerTrends.value = {};
  trendReply = { ok: true, data: { items: [{ partner_id: "ptr_acme", points: acmeTrend }, { partner_id: "ptr_globex", points: globexTrend }] } };
  vi.spyOn(browser.runtime, "sendMessage").mockImplementation((async (message: { type: string; path?: string }) => {
    if (message.type === "api" && message.path!.startsWith("/v1/health/trends")) {
      asked.push(message.path!);
      return trendReply;
    }
    return { ok: false, error: { code: "x", message: "not in this test" } };
  }) as never);
  host = document.createElement("div");
  document.body.append(host);
  collapsed.value = false;
  pageContext.value = { kind: "email", site: "gmail", threadId: "T", messageIds: ["m"], subject: null, ownAddress: null, emails: ["a@ptr_acme.example"], url: page.sourceUrl };
});
afterEach(() => {
  render(null, host);
  host.remove();
  vi.restoreAllMocks();
});

describe("the health trend at the card's top", () => {
  it("asks for every shown partner's 30 days in one request and shows the change beside the score", async () => {
    await shown("ready");
    expect(asked).toEqual(["/v1/health/trends?days=30&partner_id=ptr_acme&partner_id=ptr_globex"]);
    const acmeTop = top("Acme");
    expect(acmeTop.querySelector(".trend-change")!.textContent).toBe("↑ 6 in 30 days");
    expect(acmeTop.querySelector(".trend-change")!.getAttribute("aria-hidden")).toBe("true");
    expect(acmeTop.querySelector(".visually-hidden")!.textContent).toBe("Health up 6 points in 30 days");
    // Backfilled days are marked as on the dashboard: dashed, and said in the line's label.
    const line = acmeTop.querySelector(".glance-trend svg")!;
    expect(line.getAttribute("aria-label")).toBe("Acme health over 30 days: from 62 to 68; the first 10 days are backfilled");
    expect(line.getAttribute("width")).toBe("44");
    expect(line.querySelector("path.backfilled")).not.toBeNull();
    expect(top("Globex").querySelector(".trend-change")!.textContent).toBe("steady");
  });

  it("waits for the API's answer: a page painted from the cache asks nothing yet", async () => {
    await shown("loading", true);
    expect(asked).toEqual([]);
    expect(host.querySelector(".glance-trend")).toBeNull();
    expect(top("Acme").querySelector(".badge")).not.toBeNull();
  });

  it("says a partner not yet scored has no trend yet, as the dashboard does, with no change", async () => {
    trendReply = { ok: true, data: { items: [{ partner_id: "ptr_acme", points: [{ day: dayOf(0), score: null, backfilled: false }] }] } };
    await shown("ready");
    expect(top("Acme").querySelector(".glance-trend")!.textContent).toBe("no trend yet");
    expect(top("Acme").querySelector(".trend-change")).toBeNull();
    expect(top("Globex").querySelector(".glance-trend")).toBeNull();
  });

  it("shows nothing extra, and no error, when the trends can't be read", async () => {
    trendReply = { ok: false, error: { code: "offline", message: "The API can't be reached." } };
    await shown("ready");
    expect(asked).toHaveLength(1);
    expect(host.querySelector(".glance-trend")).toBeNull();
    expect(host.textContent).not.toContain("can't be reached");
    expect(top("Acme").textContent).toContain("Health");
  });
});
