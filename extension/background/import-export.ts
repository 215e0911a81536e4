import { exportPage, type ExportPage } from "../../shared/schemas/export.ts";
import { importResult, type ImportBatch, type ImportResult } from "../../shared/schemas/import.ts";
import type { Reply } from "../messaging/protocol.ts";
import { callApi, errorOf } from "./api-client.ts";
import type { ApiSettings } from "./settings.ts";

// A batch of 200 rows can take the API a few seconds on a large workspace (the backfill of imported history included).
const batchTimeoutMs = 120_000;

const unexpected = (what: string): Reply<never> => ({
  ok: false, error: { code: "unexpected_reply", message: `The API's answer to ${what} is not what this version of Mutual expects; update the extension.` },
});

/** One batch of the dashboard's import; the API checks it again and answers what each row did. */
export async function sendImportBatch(settings: ApiSettings, batch: ImportBatch): Promise<Reply<ImportResult>> {
  const response = await callApi(settings, "/v1/imports", { method: "POST", body: batch, timeoutMs: batchTimeoutMs });
  if (response.status !== 200) return { ok: false, error: errorOf(response) };
  const parsed = importResult.safeParse(response.body);
  return parsed.success ? { ok: true, data: parsed.data } : unexpected("an import");
}

/** One page of the workspace export. */
export async function fetchExportPage(settings: ApiSettings, cursor: string | null): Promise<Reply<ExportPage>> {
  const query = `limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
  const response = await callApi(settings, `/v1/export?${query}`, { timeoutMs: batchTimeoutMs });
  if (response.status !== 200) return { ok: false, error: errorOf(response) };
  const parsed = exportPage.safeParse(response.body);
  return parsed.success ? { ok: true, data: parsed.data } : unexpected("an export");
}
