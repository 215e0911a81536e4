import { ExportView } from "./ExportView.tsx";
import { ImportView } from "./ImportView.tsx";
import "./import.css";

/** The dashboard's #import view: bring partnerships in from CSV, and take the workspace out. */
export function ImportExportPage() {
  return (
    <main>
      <a href="#">← All partners</a>
      <h1>Import and export</h1>
      <ImportView />
      <ExportView />
    </main>
  );
}
