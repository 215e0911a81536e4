import { defineConfig } from "wxt";

// The extension lives in extension/; WXT writes builds to .output/<browser>-mv3.
export default defineConfig({
  srcDir: "extension",
  outDir: ".output",
  imports: false,
  // Preact's JSX through Vite's own transform; no React compatibility layer.
  vite: () => ({
    oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  }),
  manifest: ({ browser }) => ({
    name: "Mutual: partner context",
    description: "The partnership's health, open commitments and history beside Gmail and Salesforce.",
    permissions: ["storage", "alarms"],
    // Host access only to the sites we read. The API is reached through
    // CORS (the Worker answers the extension's origin), so it needs none.
    host_permissions: [],
    commands: {
      "toggle-sidebar": {
        suggested_key: { default: "Alt+Shift+M" },
        description: "Show or hide the Mutual sidebar",
      },
    },
    ...(browser === "firefox" ? { browser_specific_settings: { gecko: { id: "mutual@mutual.example" } } } : {}),
  }),
});
