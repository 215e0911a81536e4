import { createApp } from "./app.ts";
import { nightlyRefresh } from "./cron/nightly-refresh.ts";
import type { Bindings } from "./env.ts";

const app = createApp();

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(
      nightlyRefresh(env.DB, new Date(controller.scheduledTime)).then((report) =>
        console.log(`nightly refresh: ${report.workspaces} workspaces, ${report.markedDormant} partners marked dormant, ${report.scored} scored`),
      ),
    );
  },
} satisfies ExportedHandler<Bindings>;
