/**
 * A promise's title from its sentence: what is to be done, without the
 * "I'll" or "We're going to" in front, the lead-in ("As agreed on the call, ")
 * or the due date, which the promise keeps in its own field. Someone else's
 * promise keeps its subject ("Tom will share the calendar") so the list says
 * who.
 */
import type { DueDate } from "./due-date.ts";

/** Fits the commitment title's limit with room to spare: a title is read at a glance. */
const maxLength = 120;

const ownOpening =
  /^(?:.*?[,;:]\s+)?(?:(?:I|we)\s*(?:will|shall|'ll|am going to|'m going to|are going to|'re going to|can|am committed to|'m committed to|are committed to|'re committed to|'m|am|'re|are)|(?:ok(?:ay)?,?\s+)?let me)\s+/i;
const leadIn = /^(?:(?:as (?:agreed|discussed)[^,]*|per our [^,]*|just to confirm|to confirm|leave it with me|as promised|good news|great|also|plus|sure|thanks|noted|ok(?:ay)?)[,:]\s+)+/i;
/** "by EOD" left over when the day itself was named elsewhere ("by EOD tomorrow"). */
const endOfDay = /\s*\b(?:by )?(?:the )?(?:end of (?:the )?(?:business )?day|EOD|COB)\b/gi;
const preposition = /\s*\b(?:by|on|before|until|in|within|no later than|for|over)?\s*(?:the\s+)?$/i;

/** The sentence with the words that name its due date taken out. */
function withoutDueDate(sentence: string, due: DueDate | null): string {
  if (!due) return sentence;
  const before = sentence.slice(0, due.index).replace(preposition, "");
  return `${before} ${sentence.slice(due.index + due.text.length)}`.replace(/\s+([,.!;])/g, "$1").replace(/\s{2,}/g, " ");
}

/** Control and direction-override characters the commitment title refuses (shared/schemas/text.ts). */
const unsafe = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function promiseTitle(sentence: string, due: DueDate | null): string {
  const dated = withoutDueDate(sentence, due).replace(unsafe, " ").replace(/\s+/g, " ").replace(endOfDay, "").trim();
  const own = ownOpening.exec(dated);
  const action = own ? dated.slice(own[0].length) : dated.replace(leadIn, "");
  const title = capitalise(action.replace(/[\s.!,;:]+$/, "").trim());
  return title.length > maxLength ? `${title.slice(0, maxLength - 1).trimEnd()}…` : title;
}
