import type { TrackedDb } from "./tracked-db.ts";

/** The meeting already saved for a calendar event, if any (meetings_calendar_event answers it). */
export function findMeetingByEvent(db: TrackedDb, workspaceId: string, partnerId: string, calendarEventId: string): Promise<{ id: string } | null> {
  return db.first<{ id: string }>(
    "SELECT id FROM meetings WHERE workspace_id = ? AND partner_id = ? AND calendar_event_id = ?",
    workspaceId, partnerId, calendarEventId,
  );
}
