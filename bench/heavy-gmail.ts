/**
 * A heavy Gmail page for bench/extension-paint.ts: the inbox list with
 * thousands of rows kept in the DOM beside an open thread of a hundred
 * messages, as Gmail keeps the list view (hidden) while a thread is shown.
 * Same markup as test/e2e/fixtures/gmail.html (the shapes
 * extension/sites/gmail-selectors.ts reads), drawn by script a moment after
 * the URL names the thread, the list row by row and the messages in one go.
 */
export interface HeavyGmailOptions {
  listRows: number;
  messages: number;
  /** The thread's id (in the URL hash) and the partner domain its people write from. */
  threadId: string;
  partnerDomain: string;
}

const me = { name: "Morgan Lee", email: "me@northwind-cloud.com" };

export function heavyGmailHtml(options: HeavyGmailOptions): string {
  // 12 people on the thread: 6 at the partner, 3 colleagues, 3 at other companies.
  const partnerPeople = ["jo", "sam", "alex", "kim", "lee", "pat"].map((name) => ({ name: `${name[0]!.toUpperCase()}${name.slice(1)} at partner`, email: `${name}@${options.partnerDomain}` }));
  const colleagues = ["dana", "chris", "robin"].map((name) => ({ name: `${name} (us)`, email: `${name}@northwind-cloud.com` }));
  const others = ["lawfirm-llp.com", "events-agency.io", "gmail.com"].map((domain, i) => ({ name: `Guest ${i + 1}`, email: `guest${i + 1}@${domain}` }));
  const everyone = [...partnerPeople, ...colleagues, ...others];
  const paragraph = "Following up on the joint plan: pipeline review, the MDF request, the webinar dates and the renewal terms. ".repeat(6);
  const data = {
    me,
    threadId: options.threadId,
    subject: "Q4 plan, MDF and renewal (long thread)",
    messages: Array.from({ length: options.messages }, (_, i) => ({
      id: `msg-f:17901234567${String(i).padStart(8, "0")}`,
      from: i % 2 === 0 ? everyone[i % everyone.length]! : me,
      to: [me, partnerPeople[i % partnerPeople.length]!],
      cc: [everyone[(i * 7) % everyone.length]!, everyone[(i * 5 + 3) % everyone.length]!],
      date: `Mon, ${1 + (i % 28)} Nov 2026, ${String(8 + (i % 10)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}`,
      body: `${i + 1}/${options.messages}. ${paragraph}`,
    })),
    rows: Array.from({ length: options.listRows }, (_, i) => ({
      id: `FMfcgzQrow${String(i).padStart(8, "0")}XyZ`,
      from: { name: `Sender ${i}`, email: `sender${i}@company-${i % 400}.com` },
      subject: `Inbox item ${i}: weekly update, invoices and the partner newsletter`,
      snippet: "A short preview of the message that Gmail shows in the list row beside the subject line.",
    })),
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Gmail</title>
<style>
  body { font-family: sans-serif; margin: 0; }
  .view { padding: 16px; }
  .view[hidden] { display: none; }
  .adn { border-top: 1px solid #eee; padding: 8px 0; }
</style>
<script type="application/json" id="heavy">${JSON.stringify(data).replace(/</g, "\\u003c")}</script>
</head>
<body>
<div class="nH header"><span class="gb_title">Gmail</span></div>
<div class="nH views">
  <div class="nH view list" role="main"><p class="loading">Loading…</p></div>
  <div class="nH view thread" hidden></div>
</div>
<script>
(() => {
  const data = JSON.parse(document.getElementById("heavy").textContent);
  const list = document.querySelector(".view.list");
  const threadView = document.querySelector(".view.thread");
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes ?? {})) node.setAttribute(name, value);
    for (const child of children) if (child != null) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    return node;
  }
  const person = (className, who) => el("span", { class: className, email: who.email, name: who.name, "data-hovercard-id": who.email }, who.name);

  function drawList() {
    const body = el("tbody");
    list.replaceChildren(el("h2", { class: "Dj" }, "Conversations"), el("table", { class: "F cf zt" }, body));
    // Row by row into the live table: one mutation record each.
    for (const row of data.rows) {
      body.appendChild(el("tr", { class: "zA zE", "data-thread-id": row.id },
        el("td", { class: "yX" }, el("span", { class: "bA4" }, person("zF", row.from))),
        el("td", { class: "xY" }, el("span", { class: "bog" }, row.subject), el("span", { class: "y2" }, " - " + row.snippet))));
    }
  }

  function drawThread() {
    const messages = data.messages.map((message) => {
      const recipients = el("span", { class: "hb" }, "to ");
      for (const who of [...message.to, ...message.cc]) recipients.append(person("g2", who), " ");
      return el("div", { class: "adn ads", "data-message-id": "#" + message.id },
        el("div", { class: "gs" },
          el("div", { class: "gE iv gt" },
            el("table", { class: "cf gJ" }, el("tbody", null, el("tr", { class: "acZ" },
              el("td", { class: "gF gK" }, el("h3", { class: "iw" }, el("span", { class: "qu" }, person("gD", message.from)))),
              el("td", { class: "gH" }, el("span", { class: "g3", title: message.date }, message.date))))),
            el("div", { class: "iw ajw" }, recipients)),
          el("div", { class: "ii gt" }, el("div", { class: "a3s aiL" }, message.body))));
    });
    const subject = el("h2", { class: "hP", "data-thread-perm-id": "thread-f:1790123456789000001", "data-legacy-thread-id": "18c2f0a9d7e30001", tabindex: "-1" }, data.subject);
    threadView.replaceChildren(el("div", { class: "ha" }, subject), el("div", { class: "Bs nH" }, ...messages));
    // Gmail moves role=main to the view on screen.
    list.removeAttribute("role");
    list.hidden = true;
    threadView.hidden = false;
    threadView.setAttribute("role", "main");
    document.title = data.subject + " - " + data.me.email + " - Gmail";
  }

  // Gmail fetches, then draws: the list first, the open thread after it.
  setTimeout(() => {
    drawList();
    setTimeout(() => {
      if (location.hash.endsWith("/" + data.threadId)) drawThread();
    }, 50);
  }, 250);
})();
</script>
</body>
</html>
`;
}
