/**
 * Where an invitation's url leads (GET /connect#code=mutual_inv_…): a page
 * for someone at the partner company, who may not have Mutual set up yet,
 * saying what accepting does, what will be shared and how to accept. The
 * code stays in the fragment, which browsers never send to a server; one
 * inline script (allowed by its hash, nothing else) shows it on the page.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { html, raw } from "hono/html";
import type { AppEnv } from "../env.ts";
import { cspHash } from "../http/csp-hash.ts";

const showCode = `var m=/code=(mutual_inv_[0-9a-z]{32})/.exec(location.hash);if(m){document.getElementById("code").textContent=m[1];}`;
const style = "body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1b1b1f}code{font-size:1.05em;background:#f2f2f5;padding:.1rem .3rem}";

let policy: Promise<string> | null = null;
const connectPolicy = () => (policy ??= Promise.all([cspHash(showCode), cspHash(style)]).then(([script, css]) =>
  `default-src 'none'; script-src ${script}; style-src ${css}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`));

export function registerConnectPage(app: OpenAPIHono<AppEnv>): void {
  app.get("/connect", async (c) => {
    c.header("Content-Security-Policy", await connectPolicy());
    c.header("X-Frame-Options", "DENY");
    c.header("Referrer-Policy", "no-referrer");
    return c.html(html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Connect on Mutual</title><style>${raw(style)}</style></head><body>
<h1>You are invited to connect on Mutual</h1>
<p>A partner company invites your company's Mutual workspace to connect, so both companies keep one shared record of the partnership: the promises, referrals, goals and meetings each side chooses to share, each read from its own side. Everything else stays private on both sides.</p>
<p>Your invitation code: <code id="code">the part of this page's address after <b>#code=</b></code></p>
<h2>To accept</h2>
<ol>
<li>An owner or admin of your company's workspace opens Mutual's dashboard (the extension's toolbar button, then <b>Dashboard</b>) and chooses <b>Connections → Accept an invitation</b>.</li>
<li>Paste the code, or this page's whole address, and pick which of your partners is the inviting company, or let Mutual match it by their email domains or make a new one.</li>
</ol>
<p>No Mutual yet? Install the Mutual extension, and in its settings enter this same API address (<code>${new URL(c.req.url).origin}</code>) with the API token your administrator gives you; both companies must use the same Mutual deployment. Or accept through the API: <code>POST /v1/connections {"code": "…"}</code>.</p>
<p>The code works once, expires 14 days after it was made, and the inviting company can revoke it. Either company can end the connection later; each keeps the records it wrote.</p>
<script>${raw(showCode)}</script>
</body></html>`);
  });
}
