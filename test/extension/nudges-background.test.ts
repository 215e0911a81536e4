import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { handleRequest } from "../../extension/background/handle-request.ts";
import { refreshBadge, scheduleNudgeAlarms, showDailyNudge, snoozeShown } from "../../extension/background/nudges.ts";
import { nudgeSettingsItem, nudgeSnoozesItem } from "../../extension/messaging/nudge-settings.ts";

/** The badge and the daily reminder, on WXT's in-memory browser and a stand-in for GET /v1/nudges. */
const apiUrl = "http://api.test";
const token = `mutual_${"n".repeat(40)}`;
let nudgeCalls: string[] = [];
let answer = { overdue: 3, due_today: 1, past: [{ partner_id: `ptr_${"b".repeat(24)}`, name: "Brightpath", cadence_days: 14, days_since_contact: 32, last_contact_at: null }] };

beforeEach(async () => {
  fakeBrowser.reset();
  nudgeCalls = [];
  answer = { ...answer, overdue: 3 };
  vi.stubGlobal("fetch", async (input: string) => {
    const url = new URL(input);
    if (url.pathname === "/v1/nudges") nudgeCalls.push(url.search);
    const body = url.pathname === "/v1/nudges"
      ? { today: url.searchParams.get("today"), scope: "mine", promises: { overdue: answer.overdue, due_today: answer.due_today }, past_cadence: answer.past }
      : url.pathname === "/v1/me" ? { workspace: { id: "wsp_1", name: "Northwind" }, member: { id: "mem_1", email: "me@northwind-cloud.com" } } : { ok: true };
    return new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });
  });
  expect(await handleRequest({ type: "saveSettings", settings: { apiUrl, token } })).toMatchObject({ ok: true });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the toolbar badge", () => {
  it("shows the overdue promises we owe, asked for the user's own day, and nothing when none", async () => {
    await refreshBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe("3");
    expect(nudgeCalls[0]).toMatch(/^\?today=\d{4}-\d{2}-\d{2}$/);
    answer = { ...answer, overdue: 0 };
    await refreshBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe("");
  });

  it("stays empty, asking nothing, once turned off in the options", async () => {
    await nudgeSettingsItem.setValue({ badge: false, daily: false, dailyAt: "09:00" });
    await refreshBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe("");
    expect(nudgeCalls).toEqual([]);
  });
});

describe("the daily reminder", () => {
  it("is off until the user opts in: no alarm, no notification", async () => {
    await scheduleNudgeAlarms(true);
    expect((await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name)).toEqual(["mutual-nudges-badge"]);
    expect(await showDailyNudge()).toBe(false);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it("once opted in: an alarm at the chosen time, and at most one notification a day", async () => {
    await nudgeSettingsItem.setValue({ badge: true, daily: true, dailyAt: "08:15" });
    const now = new Date(2026, 11, 1, 7, 0);
    await scheduleNudgeAlarms(true, now);
    const daily = (await fakeBrowser.alarms.getAll()).find((alarm) => alarm.name === "mutual-nudges-daily");
    expect(daily?.scheduledTime).toBe(new Date(2026, 11, 1, 8, 15).getTime());
    expect(daily?.periodInMinutes).toBe(24 * 60);

    expect(await showDailyNudge(now)).toBe(true);
    const shown = Object.values((fakeBrowser.notifications as unknown as { getAllCreateOptions(): Record<string, { message: string }> }).getAllCreateOptions());
    expect(shown).toHaveLength(1);
    expect(shown[0]!.message).toBe("3 promises we owe are overdue; 1 is due today\nNo contact with Brightpath for 32 days; your cadence is 14");
    expect(await showDailyNudge(new Date(2026, 11, 1, 20, 0))).toBe(false);
  });

  it("Snooze quiets what it was about until the snooze ends", async () => {
    await nudgeSettingsItem.setValue({ badge: true, daily: true, dailyAt: "08:15" });
    const now = new Date(2026, 11, 1, 9, 0);
    await showDailyNudge(now);
    await snoozeShown(1, now);
    expect(await nudgeSnoozesItem.getValue()).toEqual({ promises: "2026-12-02", [`partner:ptr_${"b".repeat(24)}`]: "2026-12-02" });
    await fakeBrowser.notifications.clear("mutual-daily-nudge");
    expect(await showDailyNudge(new Date(2026, 11, 2, 9, 0))).toBe(true);
  });
});
