import { z } from "zod";

/**
 * The one rule for text people type: every string field of every payload goes
 * through `lineText` or `multiLineText`, so no field can store characters that
 * break a page, a log line or a CSV export, or that disguise what a name says.
 */

// C0 controls (NUL included), DEL and the C1 controls. \t and \n are let back
// in for multi-line fields below.
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/u;
const controlExceptTabAndNewline = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;
// Embeddings, overrides and isolates reorder the text around them: a name can
// be made to read as something else ("Trojan Source"). The plain marks
// U+200E/U+200F stay allowed: they change nothing after them.
const bidiControl = /[\u202a-\u202e\u2066-\u2069]/u;
// Characters that print nothing: a name made only of these (with spaces)
// looks empty in every list.
const invisible = /[\s\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2060-\u2064\u3164\ufe00-\ufe0f\ufeff\uffa0\u2800]/gu;

export interface TextRules {
  /** \t and \n are allowed (notes, summaries); a single-line field refuses them. */
  multiLine: boolean;
  /** Something visible must remain (names, titles). */
  visible: boolean;
}

/** Why a string is refused, in words for the person who sent it, or null if it is fine. */
export function textFault(value: string, rules: TextRules): string | null {
  if (!value.isWellFormed()) return "contains a broken character (an unpaired UTF-16 surrogate)";
  const control = (rules.multiLine ? controlExceptTabAndNewline : controlCharacter).exec(value);
  if (control) {
    const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
    return `contains a control character (U+${code})${rules.multiLine ? "" : "; it must be one line"}`;
  }
  const bidi = bidiControl.exec(value);
  if (bidi) {
    const code = bidi[0].codePointAt(0)!.toString(16).toUpperCase();
    return `contains a bidirectional override or isolate (U+${code}), which can disguise the text`;
  }
  if (rules.visible && value.length > 0 && value.replace(invisible, "").length === 0) {
    return "has no visible characters";
  }
  return null;
}

function checked(schema: z.ZodString, rules: TextRules) {
  return schema.superRefine((value, ctx) => {
    const fault = textFault(value, rules);
    if (fault) ctx.addIssue({ code: "custom", message: fault });
  });
}

/** One line of visible text, trimmed: names, titles, labels. */
export const lineText = (min: number, max: number) =>
  checked(z.string().trim().min(min).max(max), { multiLine: false, visible: min > 0 });

/** Free text that may span lines (notes, summaries); empty is allowed. */
export const multiLineText = (max: number) => checked(z.string().max(max), { multiLine: true, visible: false });
