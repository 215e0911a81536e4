import { defineConfig } from "wxt";

/**
 * Firefox asks each extension to declare what it sends off the device: the
 * sidebar sends the email addresses and names on the open thread or record
 * (personal data, read from the page) to the team's own Mutual API.
 * Firefox shows these declarations from version 140 on (142 on Android).
 */
const firefoxSettings = {
  id: "mutual@mutual.example",
  strict_min_version: "140.0",
  data_collection_permissions: { required: ["personallyIdentifyingInfo", "websiteContent"] },
};
const firefoxAndroidSettings = { strict_min_version: "142.0" };

// The extension lives in extension/; WXT writes builds to .output/<browser>-mv3.
export default defineConfig({
  srcDir: "extension",
  outDir: ".output",
  // Icons and other files copied as they are (scripts/make-icons.ts draws the icons).
  publicDir: "extension/public",
  imports: false,
  // `npm run zip`: mutual-<version>-chrome.zip, -firefox.zip and, for
  // Firefox's review, -sources.zip with what builds the extension and no more.
  zip: {
    includeSources: [
      "extension/**", "shared/**", "wxt.config.ts", "tsconfig.json",
      "package.json", "package-lock.json", "README.md", "CHANGELOG.md", "docs/store-listing.md",
    ],
  },
  // Preact's JSX through Vite's own transform; no React compatibility layer.
  vite: () => ({
    oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  }),
  manifest: ({ browser }) => ({
    name: "Mutual: partner context",
    description: "The partnership's health, open commitments and history beside Gmail, Outlook, Salesforce, HubSpot, LinkedIn and Calendar.",
    permissions: ["storage", "alarms", "notifications", "contextMenus"],
    // Host access only to the sites we read. The API is reached through
    // CORS (the Worker answers the extension's origin), so it needs none.
    host_permissions: [],
    // The sidebar's frame (content/sidebar-frame.ts), only on the sites whose
    // pages show it: any other site cannot frame it.
    web_accessible_resources: [{
      resources: ["sidebar-frame.html"],
      matches: ["https://mail.google.com/*", "https://*.lightning.force.com/*", "https://*.my.salesforce.com/*", "https://calendar.google.com/*"],
    }, {
      // Outlook on the web: the content script runs on /mail/ only, but
      // Chrome takes no other path than "/*" in these patterns.
      resources: ["sidebar-frame.html"],
      matches: ["https://outlook.office.com/*", "https://outlook.office365.com/*", "https://outlook.live.com/*"],
    }, {
      // HubSpot's records and LinkedIn's company pages (sites/hubspot-adapter.ts, sites/linkedin-adapter.ts).
      resources: ["sidebar-frame.html"],
      matches: ["https://*.hubspot.com/*", "https://www.linkedin.com/*"],
    }],
    commands: {
      "toggle-sidebar": {
        suggested_key: { default: "Alt+Shift+M" },
        description: "Show or hide the Mutual sidebar",
      },
    },
    ...(browser === "firefox" ? { browser_specific_settings: { gecko: firefoxSettings, gecko_android: firefoxAndroidSettings } } : {}),
  }),
});
