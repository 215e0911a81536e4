import type { ImportKind } from "../../../../shared/import/columns.ts";
import type { ImportRow } from "../../../../shared/import/to-rows.ts";
import { maxImportRows, type ImportOutcome } from "../../../../shared/schemas/import.ts";
import type { ErrorInfo } from "../../../messaging/protocol.ts";
import { send } from "../../../messaging/send.ts";

export interface ImportRun {
  outcomes: ImportOutcome[];
  /** Partners whose trend was backfilled from the imported history. */
  backfilled: number;
  error: ErrorInfo | null;
  cancelled: boolean;
}

/**
 * Sends the rows in batches of the API's size, one after another, each all or
 * nothing: a cancel stops before the next batch, so what landed is whole
 * batches, and importing the file again picks up where it stopped.
 */
export async function runImport(
  kind: ImportKind, rows: ImportRow[], dryRun: boolean, onProgress: (done: number) => void, signal: AbortSignal,
): Promise<ImportRun> {
  const run: ImportRun = { outcomes: [], backfilled: 0, error: null, cancelled: false };
  for (let start = 0; start < rows.length; start += maxImportRows) {
    if (signal.aborted) return { ...run, cancelled: true };
    const reply = await send({ type: "importBatch", batch: { kind, dry_run: dryRun, rows: rows.slice(start, start + maxImportRows) } });
    if (!reply.ok) return { ...run, error: reply.error };
    run.outcomes.push(...reply.data.rows);
    run.backfilled += reply.data.backfilled_partners;
    onProgress(Math.min(rows.length, start + maxImportRows));
  }
  return run;
}

export function countsOf(outcomes: ImportOutcome[]): Record<ImportOutcome["action"], number> {
  const counts = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const outcome of outcomes) counts[outcome.action]++;
  return counts;
}
