import Papa from "papaparse";
import { useEffect, useState } from "preact/hooks";
import { importKinds, type ImportKind } from "../../../../shared/import/columns.ts";
import { exportRecords } from "../../../../shared/import/export-csv.ts";
import type { ExportedPartner, ExportPage } from "../../../../shared/schemas/export.ts";
import type { ErrorInfo, Reply } from "../../../messaging/protocol.ts";
import { send } from "../../../messaging/send.ts";

interface Download {
  name: string;
  url: string;
  rows: number;
}

/** The export as files: the whole JSON, and one CSV per record type the import reads back. */
function downloadsOf(partners: ExportedPartner[], exportedAt: string): Download[] {
  const stamp = exportedAt.slice(0, 10);
  const json = new Blob([JSON.stringify({ exported_at: exportedAt, partners }, null, 2)], { type: "application/json" });
  const files: Download[] = [{ name: `mutual-export-${stamp}.json`, url: URL.createObjectURL(json), rows: partners.length }];
  for (const kind of importKinds as readonly ImportKind[]) {
    const records = exportRecords(kind, partners);
    const csv = new Blob([Papa.unparse(records)], { type: "text/csv" });
    files.push({ name: `mutual-${kind}-${stamp}.csv`, url: URL.createObjectURL(csv), rows: records.length });
  }
  return files;
}

/** Export the whole workspace (owners and admins): page by page through GET /v1/export, then files to save. */
export function ExportView() {
  const [loaded, setLoaded] = useState<number | null>(null);
  const [downloads, setDownloads] = useState<Download[]>([]);
  const [error, setError] = useState<ErrorInfo | null>(null);
  useEffect(() => () => downloads.forEach((file) => URL.revokeObjectURL(file.url)), [downloads]);

  const exportAll = async () => {
    setError(null);
    setDownloads([]);
    setLoaded(0);
    const partners: ExportedPartner[] = [];
    let cursor: string | null = null;
    let exportedAt = new Date().toISOString();
    do {
      const reply: Reply<ExportPage> = await send({ type: "exportPage", cursor });
      if (!reply.ok) {
        setLoaded(null);
        return setError(reply.error);
      }
      partners.push(...reply.data.items);
      exportedAt = reply.data.exported_at;
      cursor = reply.data.next_cursor;
      setLoaded(partners.length);
    } while (cursor);
    setDownloads(downloadsOf(partners, exportedAt));
    setLoaded(null);
  };

  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">Export the workspace</h2>
      <p class="muted">Every partner with its contacts and history: one JSON file, and a CSV per record type that this page can import again. Owners and admins only.</p>
      <button type="button" disabled={loaded !== null} onClick={() => void exportAll()}>Export</button>
      {loaded !== null && <p role="status">Read {loaded} partners…</p>}
      {error && <p class="status problem" role="alert">{error.message}</p>}
      {downloads.length > 0 && (
        <ul aria-label="Exported files">
          {downloads.map((file) => <li key={file.name}><a href={file.url} download={file.name}>{file.name}</a> <span class="muted">({file.rows} rows)</span></li>)}
        </ul>
      )}
    </section>
  );
}
