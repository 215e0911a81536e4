/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Set by `npm start` so its build is already signed in to the local demo API. */
  readonly WXT_MUTUAL_API_URL?: string;
  readonly WXT_MUTUAL_API_TOKEN?: string;
  /** Only in test/e2e/wxt.e2e.config.ts's build: the sidebar's shadow root is open, for Playwright. Never shipped. */
  readonly WXT_MUTUAL_E2E_OPEN_SIDEBAR?: string;
}
