import { render } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { ConnectionReport, ErrorInfo } from "../../messaging/protocol.ts";
import { send } from "../../messaging/send.ts";
import { NudgeOptions } from "../../pages/NudgeOptions.tsx";
import { SharingDefaultOption } from "../../pages/SharingDefaultOption.tsx";
import { SidebarModeOptions } from "../../pages/SidebarModeOptions.tsx";
import "../../pages/pages.css";

type Status = { kind: "idle" } | { kind: "checking" } | { kind: "report"; report: ConnectionReport } | { kind: "error"; error: ErrorInfo };

function statusText(status: Status): { text: string; tone: string } | null {
  if (status.kind === "idle") return null;
  if (status.kind === "checking") return { text: "Checking…", tone: "checking" };
  if (status.kind === "error") {
    const issues = status.error.issues?.map((issue) => `${issue.path === "apiUrl" ? "API URL" : issue.path === "token" ? "API token" : issue.path}: ${issue.message}`);
    return { text: issues?.length ? issues.join("; ") : status.error.message, tone: "problem" };
  }
  return { text: status.report.message, tone: status.report.state === "connected" ? "connected" : "problem" };
}

function Options() {
  const [apiUrl, setApiUrl] = useState("");
  const [token, setToken] = useState("");
  const [savedToken, setSavedToken] = useState<string | null>(null);
  const [savedUrl, setSavedUrl] = useState("");
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  // The fields stay disabled until the saved settings are in, so what someone
  // types first is never overwritten by them.
  const [loaded, setLoaded] = useState(false);
  // Only the newest check may set the status: the automatic one on opening
  // must not overwrite the answer to a Save or Test pressed meanwhile.
  const latestCheck = useRef(0);
  const begin = () => {
    const id = ++latestCheck.current;
    setStatus({ kind: "checking" });
    return (next: Status) => {
      if (latestCheck.current === id) setStatus(next);
    };
  };

  useEffect(() => {
    void send({ type: "getSettings" }).then((reply) => {
      setLoaded(true);
      if (!reply.ok) return setStatus({ kind: "error", error: reply.error });
      setApiUrl(reply.data.apiUrl);
      setSavedUrl(reply.data.apiUrl);
      setSavedToken(reply.data.tokenPrefix);
      if (reply.data.apiUrl && reply.data.tokenPrefix) {
        const settle = begin();
        void send({ type: "testConnection" }).then((r) => settle(r.ok ? { kind: "report", report: r.data } : { kind: "error", error: r.error }));
      }
    });
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    const settle = begin();
    const reply = await send({ type: "saveSettings", settings: { apiUrl, token } });
    if (!reply.ok) return settle({ kind: "error", error: reply.error });
    if (token) setSavedToken(`${token.slice(0, 12)}…`);
    setSavedUrl(apiUrl.trim().replace(/\/+$/, ""));
    setToken("");
    settle({ kind: "report", report: { ...reply.data, message: `Saved. ${reply.data.message}` } });
  };
  const test = async () => {
    const settle = begin();
    // What is typed now, the saved token standing in for an empty token field.
    const reply = await send({ type: "testConnection", settings: { apiUrl, token } });
    settle(reply.ok ? { kind: "report", report: reply.data } : { kind: "error", error: reply.error });
  };
  const shown = statusText(status);
  // A new token, or only a new URL with the saved token kept.
  const changed = token !== "" || (savedToken !== null && apiUrl.trim().replace(/\/+$/, "") !== savedUrl);

  return (
    <main>
      <h1>Mutual settings</h1>
      <p class="muted">Mutual shows your team's partner data beside Gmail and Salesforce. It needs your team's API address and a personal API token (<code>npm run token -- create …</code>).</p>
      <form onSubmit={save}>
        <label for="api-url">API URL</label>
        <input id="api-url" type="url" required disabled={!loaded} placeholder="http://127.0.0.1:8787" value={apiUrl} onInput={(e) => setApiUrl(e.currentTarget.value)} />
        <label for="api-token">API token</label>
        <input id="api-token" type="password" autocomplete="off" disabled={!loaded} required={!savedToken} placeholder={savedToken ? `Saved: ${savedToken} (leave empty to keep)` : "mutual_…"} value={token} onInput={(e) => setToken(e.currentTarget.value)} />
        <div>
          <button type="submit" class="primary" disabled={!changed}>Save</button>
          <button type="button" onClick={test}>Test connection</button>
        </div>
      </form>
      {shown && <p class={`status ${shown.tone}`} role="status">{shown.text}</p>}
      <NudgeOptions />
      <SharingDefaultOption />
      <SidebarModeOptions />
    </main>
  );
}

render(<Options />, document.getElementById("app")!);
