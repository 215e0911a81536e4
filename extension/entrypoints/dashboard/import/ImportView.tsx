import { fieldsOf, importKinds, type ImportKind } from "../../../../shared/import/columns.ts";
import { partnerKind } from "../../../../shared/schemas/partner.ts";
import type { CsvFile } from "./read-csv.ts";
import { countsOf, type ImportRun } from "./run-import.ts";
import { useImportFlow } from "./use-import-flow.ts";

const kindLabels: Record<ImportKind, string> = {
  partners: "Partners (accounts, companies)", contacts: "Contacts", interactions: "Interactions (activities)",
  commitments: "Commitments (tasks)", referrals: "Referrals (opportunities, deals)", goals: "Goals",
};

function Progress({ label, value, max }: { label: string; value: number; max: number }) {
  return <p role="status"><progress value={value} max={max} aria-label={label} /> {label}</p>;
}

function MappingTable({ file, kind, mapping, onChange }: { file: CsvFile; kind: ImportKind; mapping: Record<string, string | null>; onChange: (header: string, field: string | null) => void }) {
  const sample = file.records[0]?.cells ?? {};
  return (
    <table aria-label="Columns">
      <thead><tr><th scope="col">Column in the file</th><th scope="col">First value</th><th scope="col">Imported as</th></tr></thead>
      <tbody>
        {file.headers.map((header) => (
          <tr key={header}>
            <td>{header}</td>
            <td class="muted">{sample[header] ?? ""}</td>
            <td>
              <select aria-label={`Field for ${header}`} value={mapping[header] ?? ""} onChange={(event) => onChange(header, event.currentTarget.value || null)}>
                <option value="">— not imported —</option>
                {fieldsOf(kind).map((field) => <option key={field} value={field}>{field}</option>)}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What a run did or would do, and each row it could not take with its reason. */
function RunSummary({ run, dryRun }: { run: ImportRun; dryRun: boolean }) {
  const counts = countsOf(run.outcomes);
  const problems = run.outcomes.filter((outcome) => outcome.action === "error");
  const verb = dryRun ? ["Would create", "update", "leave unchanged"] : ["Created", "updated", "left unchanged"];
  return (
    <div>
      <p role="status" class="summary">
        {verb[0]} {counts.create}, {verb[1]} {counts.update}, {verb[2]} {counts.unchanged}
        {problems.length > 0 ? `; ${problems.length} row${problems.length === 1 ? "" : "s"} can't be imported${dryRun ? " and will be skipped" : ""}` : ""}.
        {!dryRun && run.backfilled > 0 ? ` Health trends backfilled for ${run.backfilled} partner${run.backfilled === 1 ? "" : "s"}.` : ""}
      </p>
      {run.cancelled && <p class="status problem">Cancelled: the batches sent before stand; import the file again to finish.</p>}
      {run.error && <p class="status problem" role="alert">{run.error.message}</p>}
      {problems.length > 0 && (
        <table aria-label="Rows with problems">
          <thead><tr><th scope="col">Row</th><th scope="col">Field</th><th scope="col">Problem</th></tr></thead>
          <tbody>{problems.slice(0, 200).map((outcome) => <tr key={outcome.row}><td>{outcome.row}</td><td>{outcome.field}</td><td>{outcome.message}</td></tr>)}</tbody>
        </table>
      )}
    </div>
  );
}

function FileChoice({ flow }: { flow: ReturnType<typeof useImportFlow> }) {
  return (
    <>
      <label for="import-kind">What the file holds</label>
      <select id="import-kind" value={flow.kind} disabled={flow.busy} onChange={(event) => flow.setKind(event.currentTarget.value as ImportKind)}>
        {importKinds.map((value) => <option key={value} value={value}>{kindLabels[value]}</option>)}
      </select>
      <label for="import-file">CSV file</label>
      <input id="import-file" type="file" accept=".csv,text/csv" disabled={flow.busy} onChange={(event) => void flow.choose(event.currentTarget.files?.[0])} />
      {flow.kind === "partners" && (
        <>
          <label for="default-kind">Kind, for rows that don't say</label>
          <select id="default-kind" value={flow.options.defaultKind} onChange={(event) => flow.setOptions({ defaultKind: event.currentTarget.value })}>
            {partnerKind.options.map((value) => <option key={value} value={value}>{value}</option>)}
          </select>
        </>
      )}
      <label class="inline">
        <input type="checkbox" checked={flow.options.dayFirst} onChange={(event) => flow.setOptions({ dayFirst: event.currentTarget.checked })} /> Dates are day first (31/12/2026)
      </label>
    </>
  );
}

/** Import from CSV: choose the kind and file, check the columns, preview (a dry run), then import. */
export function ImportView() {
  const flow = useImportFlow();
  const { file, stage } = flow;
  const skipped = new Set(stage.step === "previewed" ? stage.run.outcomes.filter((o) => o.action === "error").map((o) => o.row) : []);
  const importable = (file?.records.length ?? 0) - skipped.size;
  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">Import from CSV</h2>
      <p class="muted">A Salesforce report, a HubSpot export or a partner portal's download. Import partners first, then their contacts and history; a file imported twice changes nothing.</p>
      <FileChoice flow={flow} />
      {flow.error && <p class="status problem" role="alert">{flow.error.message}</p>}
      {stage.step === "reading" && <Progress label={`Reading the file… ${Math.round(stage.fraction * 100)}%`} value={stage.fraction} max={1} />}
      {file && stage.step !== "reading" && (
        <>
          <h3>Columns ({file.records.length} rows)</h3>
          <MappingTable file={file} kind={flow.kind} mapping={flow.mapping} onChange={flow.setField} />
          <button type="button" disabled={flow.busy} onClick={() => void flow.send(true, new Set())}>Preview (dry run)</button>
          {stage.step === "previewed" && importable > 0 && !stage.run.error && !stage.run.cancelled && (
            <button type="button" class="primary" onClick={() => void flow.send(false, skipped)}>Import {importable} row{importable === 1 ? "" : "s"}</button>
          )}
        </>
      )}
      {stage.step === "sending" && (
        <>
          <Progress label={`${stage.dryRun ? "Checked" : "Imported"} ${stage.done} of ${stage.total} rows`} value={stage.done} max={stage.total} />
          <button type="button" onClick={flow.cancel}>Cancel</button>
        </>
      )}
      {(stage.step === "previewed" || stage.step === "imported") && <RunSummary run={stage.run} dryRun={stage.step === "previewed"} />}
    </section>
  );
}
