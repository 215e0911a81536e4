import { useRef, useState } from "preact/hooks";
import { mapColumns, type ImportKind } from "../../../../shared/import/columns.ts";
import { toImportRow, type RowOptions } from "../../../../shared/import/to-rows.ts";
import type { ErrorInfo } from "../../../messaging/protocol.ts";
import { readCsv, type CsvFile } from "./read-csv.ts";
import { runImport, type ImportRun } from "./run-import.ts";

export type Stage =
  | { step: "choose" }
  | { step: "reading"; fraction: number }
  | { step: "mapped" }
  | { step: "sending"; dryRun: boolean; done: number; total: number }
  | { step: "previewed"; run: ImportRun }
  | { step: "imported"; run: ImportRun };

const cancelled = (error: unknown) => error instanceof DOMException && error.name === "AbortError";

/**
 * The import's steps: read the file (in a worker), map its columns (guessed,
 * then the user's), preview with a dry run, import what the preview did not
 * refuse. Any change to the kind or the mapping asks for a new preview.
 */
export function useImportFlow() {
  const [kind, setKindState] = useState<ImportKind>("partners");
  const [options, setOptions] = useState<RowOptions>({ defaultKind: "reseller", dayFirst: false });
  const [file, setFile] = useState<CsvFile | null>(null);
  const [mapping, setMappingState] = useState<Record<string, string | null>>({});
  const [stage, setStage] = useState<Stage>({ step: "choose" });
  const [error, setError] = useState<ErrorInfo | null>(null);
  const abort = useRef<AbortController | null>(null);
  const unpreview = () => setStage((current) => (current.step === "previewed" || current.step === "imported" ? { step: "mapped" } : current));

  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    setError(null);
    abort.current = new AbortController();
    setStage({ step: "reading", fraction: 0 });
    try {
      const parsed = await readCsv(chosen, (fraction) => setStage({ step: "reading", fraction }), abort.current.signal);
      setFile(parsed);
      setMappingState(mapColumns(kind, parsed.headers));
      setStage({ step: "mapped" });
    } catch (caught) {
      setStage({ step: "choose" });
      if (!cancelled(caught)) setError({ code: "unreadable", message: `This file could not be read as CSV: ${caught instanceof Error ? caught.message : String(caught)}` });
    }
  };

  /** Sends every row (a dry run) or those the preview did not refuse. */
  const send = async (dryRun: boolean, skip: ReadonlySet<number>) => {
    const rows = (file?.records ?? []).filter((record) => !skip.has(record.line))
      .map((record) => toImportRow(kind, record.cells, mapping, record.line, options));
    abort.current = new AbortController();
    setStage({ step: "sending", dryRun, done: 0, total: rows.length });
    const run = await runImport(kind, rows, dryRun, (done) => setStage({ step: "sending", dryRun, done, total: rows.length }), abort.current.signal);
    setStage(dryRun ? { step: "previewed", run } : { step: "imported", run });
  };

  return {
    kind, options, file, mapping, stage, error,
    busy: stage.step === "reading" || stage.step === "sending",
    setKind(next: ImportKind) {
      setKindState(next);
      if (file) setMappingState(mapColumns(next, file.headers));
      unpreview();
    },
    setOptions(next: Partial<RowOptions>) {
      setOptions({ ...options, ...next });
      unpreview();
    },
    setField(header: string, field: string | null) {
      setMappingState({ ...mapping, [header]: field });
      unpreview();
    },
    choose, send,
    cancel: () => abort.current?.abort(),
  };
}
