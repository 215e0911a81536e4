import { storage } from "wxt/utils/storage";
import type { Snoozes } from "../../shared/nudge-notification.ts";

/**
 * What the user chose on the options page about nudges: the toolbar badge
 * (on unless turned off) and the daily notification (off until they opt in),
 * at a time of day they pick. The background follows changes (watch).
 */
export interface NudgeSettings {
  badge: boolean;
  daily: boolean;
  /** HH:MM, local time. */
  dailyAt: string;
}

export const defaultNudgeSettings: NudgeSettings = { badge: true, daily: false, dailyAt: "09:00" };

export const nudgeSettingsItem = storage.defineItem<NudgeSettings>("local:nudgeSettings", { fallback: defaultNudgeSettings });

/** Snoozed nudges, each until a day (exclusive): the notification and the dashboard's list leave them out. */
export const nudgeSnoozesItem = storage.defineItem<Snoozes>("local:nudgeSnoozes", { fallback: {} });

/** The user's own date, YYYY-MM-DD, by this computer's clock and time zone. */
export function localDay(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}
