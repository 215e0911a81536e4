import { useEffect, useState } from "preact/hooks";
import { defaultNudgeSettings, nudgeSettingsItem, type NudgeSettings } from "../messaging/nudge-settings.ts";

/**
 * The options page's Nudges section: the toolbar badge (on unless turned
 * off) and the one daily reminder (off until the user turns it on), at a
 * time they pick. Saved as each control changes; the background follows.
 */
export function NudgeOptions() {
  const [settings, setSettings] = useState<NudgeSettings | null>(null);
  useEffect(() => {
    void nudgeSettingsItem.getValue().then((saved) => setSettings({ ...defaultNudgeSettings, ...saved }));
  }, []);
  if (!settings) return null;
  const change = (next: Partial<NudgeSettings>) => {
    const updated = { ...settings, ...next };
    setSettings(updated);
    void nudgeSettingsItem.setValue(updated);
  };
  return (
    <section aria-labelledby="nudges-heading">
      <h2 id="nudges-heading">Nudges</h2>
      <label class="check">
        <input type="checkbox" checked={settings.badge} onChange={(e) => change({ badge: e.currentTarget.checked })} />
        Show the number of overdue promises we owe on the toolbar button
      </label>
      <label class="check">
        <input type="checkbox" checked={settings.daily} onChange={(e) => change({ daily: e.currentTarget.checked })} />
        One reminder a day: promises due today or overdue, and partners past their contact cadence
      </label>
      <label for="nudge-time">Reminder time</label>
      <input id="nudge-time" type="time" required disabled={!settings.daily} value={settings.dailyAt}
        onChange={(e) => /^\d\d:\d\d$/.test(e.currentTarget.value) && change({ dailyAt: e.currentTarget.value })} />
      <p class="muted">At most one a day, and none on a day with nothing to say. Clicking it opens the dashboard's list, where each item can be snoozed.</p>
    </section>
  );
}
