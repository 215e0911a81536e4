/**
 * Does a sentence commit someone to something, and whom? Precision first: a
 * wrong suggestion costs the user's trust, a missed one costs a click. So a
 * sentence counts only when a person or team is the subject of a future
 * "will / 'll / am going to / let me …" form, and anything that softens or
 * reverses that (a question, a condition, a hedge, a request, the past, a
 * negation) rules it out.
 */
export type Side = "us" | "partner";

const otherSide = (side: Side): Side => (side === "us" ? "partner" : "us");

/** Shapes that are never promises, whatever verb follows. */
const ruledOut: RegExp[] = [
  /\?/, // questions, including "…, or will you?"
  /^\s*>/, // a quoted line
  /\b(?:if|unless|once|whether|provided that|as long as|in case)\b/i, // conditionals
  /^\s*(?:when|as soon as|after|before)\b[^,]*,/i, // "When the contract is signed, we will …": waits on an event
  /\b(?:might|maybe|perhaps|probably|possibly|hope|hoping|not sure|would love|would like|'d like|wondering)\b/i, // hedges and wishes
  /\bmay\b/, // lower case only: "by 22 May" is a date, "we may" a hedge
  /\b(?:won't|will not|can't|cannot|unable|not be able)\b/i, // negations
  /^\s*(?:please|kindly|let me know|let us know|don't forget|do not forget|remember to|it would be great)\b/i, // requests
  /\b(?:was|were|had been)\s+(?:going|planning|about)\s+to\b/i, // a plan that was dropped
  /\bwould\b/i, // "I would send the deck, but …": the conditional mood
];

/** "will" forms that describe a requirement or an event, not an undertaking. */
const notUndertakings = /\b(?:will|'ll)\s+(?:need|have to|be required|take effect|go (?:up|down)|expire|be (?:on|off))\b/i;

/** What can be said of a person or team; a product, a price or a portal cannot promise. */
const peopleNouns =
  "team|teams|lead|leads|manager|managers|folks|people|side|group|department|desk|engineers?|consultants?|reps?|architects?|SEs?|AEs?|VP|CEO|CFO|CTO|COO|director|staff|office|org|ops|finance|legal|marketing|sales|presales|procurement|partner manager|colleague|colleagues|boss|counsel";

/** The future forms that make an undertaking. */
const future = String.raw`(?:will|shall|'ll|am going to|'m going to|are going to|'re going to|is going to|'s going to|can have|can get|am committed to|'m committed to|are committed to|'re committed to)`;

/** Where a clause may begin: the sentence start or after "As agreed, " / "Leave it with me, " / "and ". */
const clauseStart = String.raw`(?:^|[,;:–—-]\s*|\band\s+|\bso\s+|\bthen\s+|\b(?:confirm|confirming|agreed|noted)\s+that\s+)`;

/** The verb after the future form (an adverb skipped), then the rest of the sentence. */
const action = String.raw`\s+(?!not\b)(?:(?:also|personally|definitely|certainly|gladly|happily|then)\s+)?(\w+)(.*)$`;

const firstPerson = new RegExp(
  `${clauseStart}(?:I|we|my (?:[\\w-]+ ){0,2}(?:${peopleNouns})\\b|our (?:[\\w-]+ ){0,2}(?:${peopleNouns})\\b)\\s*${future}${action}`,
  "i",
);
const secondPerson = new RegExp(`${clauseStart}(?:you|your (?:[\\w-]+ ){0,2}(?:${peopleNouns})\\b)\\s*${future}${action}`, "i");
/** A named person ("Tom will …", "Sam from our side will …"): capitalised, not a sentence word. */
const namedPerson = new RegExp(`${clauseStart}([A-Z][a-z]+)(?: from (our|your) (?:side|team))?\\s+${future}${action}`);

/**
 * Verbs that state a feeling, a perception, a state or an attempt, not
 * something to deliver: "we'll see", "I'll be out next week", "I'll try to",
 * "you'll love the new portal".
 */
const stative =
  /^(?:see|know|love|like|enjoy|want|need|feel|find|notice|remember|understand|appreciate|agree|hope|try|aim|always|never|continue|be|admit|say|pass|leave|go|wait|guess|bet|assume|think|consider|stick)$/i;

function undertakes(verb: string, rest: string): boolean {
  if (/^go$/i.test(verb)) return /^\s+ahead\b/i.test(rest); // "I'll go ahead and register it"
  if (/^take$/i.test(verb)) return !/^\s+(?:that|this|it) as\b/i.test(rest); // "I'll take that as a yes"
  if (/^see$/i.test(verb)) return /^\s+to\b/i.test(rest); // "I'll see to it"
  if (/^be$/i.test(verb)) return /^\s+(?:\w+ing\b|in touch\b)/i.test(rest); // "we'll be sending", "be in touch"
  return !stative.test(verb);
}
/** Capitalised subjects that are not people: sentence words, days, months, and the tools partners use. */
const notNames =
  /^(?:The|This|That|These|Those|It|There|Which|What|Who|Everything|Nothing|Pricing|Payment|Everyone|Someone|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Tomorrow|January|February|March|April|May|June|July|August|September|October|November|December|Salesforce|HubSpot|Gmail|Outlook|Slack|Zoom|Teams|Google|Microsoft|Jira|DocuSign|Crossbeam|Reveal|PartnerTap|Finance|Legal|Procurement)$/;

/** Openings that commit the author without a future form: "Let me …", "Expect it from me …". */
const authorOpenings = [
  /^(?:ok(?:ay)?,?\s+)?let me (?!know\b)\w+/i,
  /^expect\b.*\bfrom (?:me|us)\b/i,
  /^count on (?:me|us)\b/i,
  // "I'm sending the details over tomorrow": the present for an arranged future; only with a time.
  /^(?:I'm|I am|we're|we are)\s+(?:sending|sharing|booking|scheduling|setting up|getting|delivering|submitting|registering)\b/i,
];

/** Verbs that make "you'll <verb> …" the author's delivery: "you'll have it by Friday". */
const receiving = /^(?:have|get|receive|see|hear)$/i;

/**
 * Whose commitment the sentence states, or null if it states none.
 * - "I / we / our team will …": the author's side.
 * - "you / your team will …": the reader's side (the author states what the
 *   other side agreed to), except "you'll have / get / receive / see …",
 *   which is the author promising a delivery.
 * - "Tom will …" (a third person named by the author): the author's side.
 *   Without a directory of who works where, the likelier reading is that the
 *   author commits a colleague; "Sam from your team will …" is the reader's.
 * `hasDueDate` lets a present-tense "I'm sending … tomorrow" count.
 */
export function commitmentOwner(sentence: string, authorSide: Side, hasDueDate: boolean): Side | null {
  if (ruledOut.some((pattern) => pattern.test(sentence)) || notUndertakings.test(sentence)) return null;
  const first = firstPerson.exec(sentence);
  if (first) return undertakes(first[1] ?? "", first[2] ?? "") ? authorSide : null;
  const second = secondPerson.exec(sentence);
  if (second) {
    const [, verb = "", rest = ""] = second;
    if (receiving.test(verb) && !/^\s+(?:me|us)\b/i.test(rest)) return authorSide; // "you'll have it by Friday"
    return undertakes(verb, rest) ? otherSide(authorSide) : null;
  }
  const named = namedPerson.exec(sentence);
  if (named && !notNames.test(named[1] ?? "")) {
    if (!undertakes(named[3] ?? "", named[4] ?? "")) return null;
    return named[2]?.toLowerCase() === "your" ? otherSide(authorSide) : authorSide;
  }
  const opening = authorOpenings.findIndex((pattern) => pattern.test(sentence));
  if (opening < 0) return null;
  return opening === authorOpenings.length - 1 && !hasDueDate ? null : authorSide;
}
