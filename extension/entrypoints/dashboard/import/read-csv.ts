import type { CsvWorkerMessage } from "./csv-worker.ts";

export interface CsvFile {
  headers: string[];
  /** Each record with its row number in the spreadsheet (the header is row 1); blank lines left out. */
  records: { line: number; cells: Record<string, string> }[];
}

const blank = (cells: Record<string, string>) => Object.values(cells).every((value) => value === undefined || value.trim() === "");

/** Reads a CSV file in a Web Worker; `onProgress` gets 0–1 as chunks arrive; the signal stops it. */
export function readCsv(file: File, onProgress: (fraction: number) => void, signal: AbortSignal): Promise<CsvFile> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./csv-worker.ts", import.meta.url), { type: "module" });
    const parsed: CsvFile = { headers: [], records: [] };
    const stop = () => {
      worker.terminate();
      reject(new DOMException("Reading the file was cancelled", "AbortError"));
    };
    signal.addEventListener("abort", stop, { once: true });
    worker.onmessage = (event: MessageEvent<CsvWorkerMessage>) => {
      const message = event.data;
      if (message.type === "rows") {
        parsed.headers = message.headers;
        message.rows.forEach((cells, offset) => {
          if (!blank(cells)) parsed.records.push({ line: message.firstIndex + offset + 2, cells });
        });
        onProgress(message.progress);
      } else {
        signal.removeEventListener("abort", stop);
        worker.terminate();
        if (message.type === "done") resolve(parsed);
        else reject(new Error(message.message));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || "The file could not be read"));
    };
    worker.postMessage(file);
  });
}
