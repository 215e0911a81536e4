/**
 * The project's own WXT config, built into a directory of the e2e run's own
 * (MUTUAL_E2E_OUT_DIR), so a test run never races another build of .output/.
 *
 * One test-only difference: the sidebar's shadow root is open, so that
 * Playwright's locators reach it (they do not enter closed roots). The shipped
 * build (wxt.config.ts) keeps it closed; MUTUAL_E2E_AS_SHIPPED=1 builds the
 * e2e extension without this flag, for the test that a page can read nothing
 * of the sidebar (sidebar-isolation.test.ts).
 */
import { defineConfig } from "wxt";
import base from "../../wxt.config.ts";

const outDir = process.env.MUTUAL_E2E_OUT_DIR;
if (!outDir) throw new Error("MUTUAL_E2E_OUT_DIR must name the directory to build the e2e extension into");
const asShipped = process.env.MUTUAL_E2E_AS_SHIPPED === "1";

export default defineConfig({
  ...base,
  outDir,
  vite: (env) => {
    const vite = typeof base.vite === "function" ? base.vite(env) : {};
    if (asShipped) return vite;
    return { ...vite, define: { ...vite.define, "import.meta.env.MUTUAL_E2E_OPEN_SIDEBAR": JSON.stringify("true") } };
  },
});
