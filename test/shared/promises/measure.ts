/**
 * How the detector does on a labelled set: precision and recall of "is this a
 * promise", whose it is, and the due date on the sentences that name one.
 * Shared by the corpus test (which fails below the bar) and the bench (which
 * prints the figures).
 */
import { detectPromises, type DetectedPromise } from "../../../shared/promises/detect.ts";
import type { CorpusSentence } from "./corpus.ts";

export interface Miss { text: string; kind: string; problem: string }

export interface Figures {
  sentences: number;
  precision: number;
  recall: number;
  /** Of the true promises found, the share with the right side. */
  sideRight: number;
  /** Of the promises that name a due date, the share found with exactly that date. */
  dueDateRight: number;
  dueDateNamed: number;
  misses: Miss[];
}

function problems(item: CorpusSentence, found: DetectedPromise | undefined): string[] {
  const { expected } = item;
  if (!expected.is_promise) return found ? ["found a promise in a near miss"] : [];
  if (!found) return ["missed the promise"];
  const result: string[] = [];
  if (found.owed_by !== expected.owed_by) result.push(`owed_by ${found.owed_by}, expected ${expected.owed_by}`);
  if (found.due_on !== expected.due_on) result.push(`due_on ${found.due_on}, expected ${expected.due_on}`);
  return result;
}

export function measure(items: CorpusSentence[]): Figures {
  let truePositives = 0, falsePositives = 0, falseNegatives = 0, sideRight = 0, dueNamed = 0, dueRight = 0;
  const misses: Miss[] = [];
  for (const item of items) {
    const found = detectPromises(item.text, item)[0];
    const { expected } = item;
    if (found && expected.is_promise) truePositives++;
    else if (found) falsePositives++;
    else if (expected.is_promise) falseNegatives++;
    if (found && expected.is_promise && found.owed_by === expected.owed_by) sideRight++;
    if (expected.is_promise && expected.due_on) {
      dueNamed++;
      if (found?.due_on === expected.due_on) dueRight++;
    }
    for (const problem of problems(item, found)) misses.push({ text: item.text, kind: item.kind, problem });
  }
  return {
    sentences: items.length,
    precision: truePositives / Math.max(1, truePositives + falsePositives),
    recall: truePositives / Math.max(1, truePositives + falseNegatives),
    sideRight: sideRight / Math.max(1, truePositives),
    dueDateRight: dueRight / Math.max(1, dueNamed),
    dueDateNamed: dueNamed,
    misses,
  };
}
