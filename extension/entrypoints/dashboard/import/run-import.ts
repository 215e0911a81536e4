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

// The API takes bodies up to 256 KB; activities with long notes reach that before 200 rows.
const maxBatchBytes = 200 * 1024;

/** The rows in batches of at most the API's row count and under its body size. */
export function batchesOf(rows: ImportRow[], maxRows = maxImportRows, maxBytes = maxBatchBytes): ImportRow[][] {
  const batches: ImportRow[][] = [];
  let batch: ImportRow[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = new TextEncoder().encode(JSON.stringify(row)).length + 1;
    if (batch.length > 0 && (batch.length === maxRows || bytes + size > maxBytes)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(row);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/**
 * Sends the rows in batches, one after another, each all or nothing: a cancel
 * stops before the next batch, so what landed is whole batches, and importing
 * the file again picks up where it stopped.
 */
export async function runImport(
  kind: ImportKind, rows: ImportRow[], dryRun: boolean, onProgress: (done: number) => void, signal: AbortSignal,
): Promise<ImportRun> {
  const run: ImportRun = { outcomes: [], backfilled: 0, error: null, cancelled: false };
  let done = 0;
  for (const batch of batchesOf(rows)) {
    if (signal.aborted) return { ...run, cancelled: true };
    const reply = await send({ type: "importBatch", batch: { kind, dry_run: dryRun, rows: batch } });
    if (!reply.ok) return { ...run, error: reply.error };
    run.outcomes.push(...reply.data.rows);
    run.backfilled += reply.data.backfilled_partners;
    done += batch.length;
    onProgress(done);
  }
  return run;
}

export function countsOf(outcomes: ImportOutcome[]): Record<ImportOutcome["action"], number> {
  const counts = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const outcome of outcomes) counts[outcome.action]++;
  return counts;
}
