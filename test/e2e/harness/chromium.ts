/**
 * How the e2e tests and the extension benchmarks start Debian's Chromium: new
 * headless mode (extensions load), no sandbox (containers), nothing that
 * reaches the network, and the unpacked extension when there is one.
 */
import type { LaunchOptions } from "playwright-core";

export const chromiumPath = process.env.MUTUAL_E2E_CHROMIUM ?? "/usr/bin/chromium";

export function chromiumOptions(extensionPath: string | null): LaunchOptions & { viewport: { width: number; height: number } } {
  return {
    executablePath: chromiumPath,
    // "--headless=new" below: Playwright's own headless flag would pick the old mode, which loads no extensions.
    headless: false,
    viewport: { width: 1400, height: 900 },
    args: [
      "--headless=new", "--no-sandbox", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
      ...(extensionPath ? [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`] : []),
    ],
  };
}
