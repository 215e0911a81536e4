import { createApp } from "./app.ts";
import { nightlyRefresh } from "./cron/nightly-refresh.ts";
import type { Bindings } from "./env.ts";

const app = createApp();

export default {
  fetch: app.fetch,
  // Awaited rather than handed to waitUntil, so the run's end is the handler's end.
  async scheduled(controller, env) {
    const report = await nightlyRefresh(env.DB, new Date(controller.scheduledTime));
    console.log(
      `nightly refresh: ${report.workspaces} workspaces, ${report.markedDormant} partners marked dormant, ${report.scored} scored, ` +
        `${report.skippedChanged} skipped (changed meanwhile), ${report.failed} steps failed`,
    );
  },
} satisfies ExportedHandler<Bindings>;
