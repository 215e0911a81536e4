/**
 * The project's own WXT config, built into a directory of the e2e run's own
 * (MUTUAL_E2E_OUT_DIR), so a test run never races another build of .output/.
 */
import { defineConfig } from "wxt";
import base from "../../wxt.config.ts";

const outDir = process.env.MUTUAL_E2E_OUT_DIR;
if (!outDir) throw new Error("MUTUAL_E2E_OUT_DIR must name the directory to build the e2e extension into");

export default defineConfig({ ...base, outDir });
