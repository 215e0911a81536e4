import { browser } from "wxt/browser";
import { storage } from "wxt/utils/storage";
import { dayAfter, nextTimeOfDay, nudgeNotification, type NudgeKey } from "../../shared/nudge-notification.ts";
import { nudges as nudgesSchema, type Nudges } from "../../shared/schemas/nudges.ts";
import { localDay, nudgeSettingsItem, nudgeSnoozesItem } from "../messaging/nudge-settings.ts";
import { ApiUnreachable, callApi } from "./api-client.ts";
import { loadSettings } from "./settings.ts";

/**
 * Nudges that respect attention: the toolbar badge counts the overdue
 * promises we owe (GET /v1/nudges), refreshed after lookups and writes and
 * hourly on an alarm; and at most one notification a day, at the time the
 * user picked, only once they opted in on the options page. Alarms wake the
 * worker; nothing polls.
 */
const badgeAlarm = "mutual-nudges-badge";
const dailyAlarm = "mutual-nudges-daily";
const notificationId = "mutual-daily-nudge";
const badgeEveryMinutes = 60;

/** The day the daily notification was last shown, and what it was about (for its snooze buttons). */
const lastShownItem = storage.defineItem<{ day: string; keys: NudgeKey[] } | null>("local:nudgeLastShown", { fallback: null });

/** Firefox's MV2 build has browserAction where Chrome's MV3 has action. */
type ActionApi = Pick<typeof browser.action, "setBadgeText" | "setBadgeBackgroundColor" | "setTitle">;
const toolbarButton = (): ActionApi | undefined =>
  (browser as unknown as { action?: ActionApi; browserAction?: ActionApi }).action ?? (browser as unknown as { browserAction?: ActionApi }).browserAction;

/** runtime.getURL for any path (WXT types only the entrypoints it knows). */
const extensionUrl = (path: string): string => (browser.runtime as unknown as { getURL(path: string): string }).getURL(path);

async function fetchNudges(now: Date): Promise<Nudges | null> {
  const settings = await loadSettings();
  if (!settings) return null;
  try {
    const response = await callApi(settings, `/v1/nudges?today=${localDay(now)}`, { timeoutMs: 10_000 });
    const parsed = nudgesSchema.safeParse(response.body);
    return response.status === 200 && parsed.success ? parsed.data : null;
  } catch (error) {
    if (error instanceof ApiUnreachable) return null;
    throw error;
  }
}

/** Sets the badge to the overdue count we owe ("" for none, or when the user turned the badge off). */
export async function refreshBadge(): Promise<void> {
  const action = toolbarButton();
  if (!action) return;
  if (!(await nudgeSettingsItem.getValue()).badge) {
    await action.setBadgeText({ text: "" });
    return;
  }
  // The API can't be asked: leave the last count up rather than show none.
  const nudges = await fetchNudges(new Date());
  if (!nudges) return;
  const overdue = nudges.promises.overdue;
  await action.setBadgeBackgroundColor({ color: "#b42318" });
  await action.setBadgeText({ text: overdue > 0 ? String(Math.min(overdue, 999)) : "" });
  await action.setTitle({ title: overdue > 0 ? `Mutual: ${overdue} overdue ${overdue === 1 ? "promise" : "promises"} we owe` : "Mutual" });
}

let badgeTimer: ReturnType<typeof setTimeout> | undefined;
/** After a lookup or a write: one refresh for a burst of them. */
export function refreshBadgeSoon(): void {
  clearTimeout(badgeTimer);
  badgeTimer = setTimeout(() => void refreshBadge(), 1_000);
}

/**
 * The hourly badge alarm, and the daily one at the chosen time while the user
 * wants it. On a wake only missing alarms are made (re-making one would push
 * it back); after a change of settings (`changed`) both are made anew.
 */
export async function scheduleNudgeAlarms(changed = false, now = new Date()): Promise<void> {
  const settings = await nudgeSettingsItem.getValue();
  const exists = async (name: string) => !changed && (await browser.alarms.get(name)) !== undefined;
  if (!settings.badge) await browser.alarms.clear(badgeAlarm);
  else if (!(await exists(badgeAlarm))) await browser.alarms.create(badgeAlarm, { periodInMinutes: badgeEveryMinutes });
  if (!settings.daily) await browser.alarms.clear(dailyAlarm);
  else if (!(await exists(dailyAlarm))) {
    await browser.alarms.create(dailyAlarm, { when: nextTimeOfDay(settings.dailyAt, now).getTime(), periodInMinutes: 24 * 60 });
  }
}

/** Today's notification, if the user opted in, none was shown today, and something needs them. */
export async function showDailyNudge(now = new Date()): Promise<boolean> {
  if (!(await nudgeSettingsItem.getValue()).daily) return false;
  const today = localDay(now);
  if ((await lastShownItem.getValue())?.day === today) return false;
  const nudges = await fetchNudges(now);
  if (!nudges) return false;
  const notification = nudgeNotification(nudges, await nudgeSnoozesItem.getValue(), today);
  if (!notification) return false;
  await lastShownItem.setValue({ day: today, keys: notification.keys });
  await browser.notifications.create(notificationId, {
    type: "basic",
    iconUrl: extensionUrl("/icon/128.png"),
    title: notification.title,
    message: notification.lines.join("\n"),
    // Chrome shows buttons; Firefox has none, and its notification still opens the list.
    ...(import.meta.env.FIREFOX ? {} : { buttons: [{ title: "Snooze a day" }, { title: "Snooze a week" }] }),
  });
  return true;
}

/** Snoozes what today's notification was about, for `days` days. */
export async function snoozeShown(days: number, now = new Date()): Promise<void> {
  const shown = await lastShownItem.getValue();
  if (!shown) return;
  const until = dayAfter(localDay(now), days);
  const snoozes = { ...(await nudgeSnoozesItem.getValue()) };
  for (const key of shown.keys) snoozes[key] = until;
  await nudgeSnoozesItem.setValue(snoozes);
}

/** Registers every listener at once, as a service worker must on each wake. */
export function startNudges(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === badgeAlarm) void refreshBadge();
    else if (alarm.name === dailyAlarm) void showDailyNudge();
  });
  browser.notifications?.onClicked.addListener((id) => {
    if (id !== notificationId) return;
    void browser.notifications.clear(id);
    void browser.tabs.create({ url: extensionUrl("/dashboard.html#nudges") });
  });
  browser.notifications?.onButtonClicked?.addListener((id, index) => {
    if (id !== notificationId) return;
    void browser.notifications.clear(id);
    void snoozeShown(index === 0 ? 1 : 7);
  });
  nudgeSettingsItem.watch(() => {
    void scheduleNudgeAlarms(true);
    void refreshBadge();
  });
  void scheduleNudgeAlarms();
  void refreshBadge();
}
