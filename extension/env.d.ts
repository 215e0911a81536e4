/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Set by `npm start` so its build is already signed in to the local demo API. */
  readonly WXT_MUTUAL_API_URL?: string;
  readonly WXT_MUTUAL_API_TOKEN?: string;
}
