/**
 * Parses a chosen CSV file off the page's thread, in chunks, so a file of
 * tens of thousands of rows neither freezes the dashboard nor waits to show
 * progress. Each chunk's records go back with how far through the file it is.
 */
import Papa from "papaparse";

export type CsvWorkerMessage =
  | { type: "rows"; headers: string[]; rows: Record<string, string>[]; firstIndex: number; progress: number }
  | { type: "done"; total: number }
  | { type: "error"; message: string };

// Typed by hand: the extension is compiled with the DOM's types, not the worker's.
const scope = self as unknown as { postMessage(message: CsvWorkerMessage): void; onmessage: ((event: MessageEvent<File>) => void) | null };

scope.onmessage = (event) => {
  const file = event.data;
  let headers: string[] | null = null;
  let index = 0;
  Papa.parse<Record<string, string>>(file, {
    header: true,
    // Empty lines still count, so a row's number is its record's place in the file (its spreadsheet row).
    skipEmptyLines: false,
    chunkSize: 256 * 1024,
    chunk(results) {
      headers ??= (results.meta.fields ?? []).filter((field) => field !== "");
      const firstIndex = index;
      index += results.data.length;
      scope.postMessage({ type: "rows", headers, rows: results.data, firstIndex, progress: Math.min(1, results.meta.cursor / Math.max(1, file.size)) });
    },
    complete: () => scope.postMessage({ type: "done", total: index }),
    error: (error) => scope.postMessage({ type: "error", message: error.message }),
  });
};
