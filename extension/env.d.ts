/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Set by `npm start` so its build is already signed in to the local demo API. */
  readonly WXT_MUTUAL_API_URL?: string;
  readonly WXT_MUTUAL_API_TOKEN?: string;
  /**
   * Only in test/e2e/wxt.e2e.config.ts's build (set there with `define`): the sidebar's shadow root is open,
   * for Playwright. Not WXT_-prefixed, so no environment variable or .env file can set it in a shipped build.
   */
  readonly MUTUAL_E2E_OPEN_SIDEBAR?: string;
}
