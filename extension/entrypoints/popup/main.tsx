import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { browser } from "wxt/browser";
import type { ConnectionReport, CurrentPage } from "../../messaging/protocol.ts";
import { send, sendToTab } from "../../messaging/send.ts";
import "../../pages/pages.css";

function Popup() {
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [page, setPage] = useState<CurrentPage | null | "none">(null);
  useEffect(() => {
    void send({ type: "testConnection" }).then((reply) => reply.ok && setReport(reply.data));
    void browser.tabs.query({ active: true, currentWindow: true }).then(async ([tab]) => {
      if (tab?.id === undefined) return setPage("none");
      setPage((await sendToTab(tab.id, { type: "currentPartner" })) ?? "none");
    });
  }, []);
  return (
    <main>
      <h1>Mutual</h1>
      <p class={`status ${report === null ? "checking" : report.state === "connected" ? "connected" : "problem"}`} role="status">
        {report === null ? "Checking the connection…" : report.message}
      </p>
      <h2>On this page</h2>
      {page === null && <p class="muted">Looking…</p>}
      {page === "none" && <p class="muted">Open a Gmail thread or a Salesforce Account to see its partner.</p>}
      {page !== null && page !== "none" && (page.partners.length === 0
        ? <p class="muted">{page.state}</p>
        : <ul>{page.partners.map((p) => <li key={p.name}>{p.name} <span class={`badge band-${p.band}`}>{p.score ?? "–"}</span></li>)}</ul>)}
      <button type="button" onClick={() => void browser.tabs.create({ url: (browser.runtime as unknown as { getURL(path: string): string }).getURL("/dashboard.html") })}>Open dashboard</button>
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>Settings</button>
    </main>
  );
}

render(<Popup />, document.getElementById("app")!);
