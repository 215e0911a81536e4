/**
 * The guest page's HTML. Every value goes through hono/html's template,
 * which escapes it: a record's text can never become markup. No script;
 * its forms work without JavaScript.
 */
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { formatMoney, goalFigures } from "../../shared/display-format.ts";
import { describeValue, fieldLabel, httpLink } from "../../shared/plan/describe.ts";
import type { PartnershipPlan } from "../../shared/schemas/plan.ts";
import { guestCommentMaxLength } from "../../shared/sharing/guest-link.ts";
import { flipSides } from "../../shared/sharing/sides.ts";
import type { GuestCommitment, GuestView } from "./guest-records.ts";

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The page's one style block; the CSP allows it by its hash and nothing else. */
export const guestStyle = `body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1b1f}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}li{margin:.4rem 0}.muted{color:#5c5c66}.done{text-decoration:line-through;color:#5c5c66}
form.inline{display:inline;margin-left:.5rem}textarea{width:100%;min-height:6rem;font:inherit}.notice{background:#eef6ee;padding:.5rem 1rem}
.problem{background:#fbeaea;padding:.5rem 1rem}`;

export function guestDocument(title: string, body: Html): Html {
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${title}</title><style>${raw(guestStyle)}</style></head><body>${body}</body></html>`;
}

/** A page that says why a link does not open, and nothing about any workspace. */
export const guestProblemPage = (heading: string, message: string) => guestDocument(heading, html`<h1>${heading}</h1><p>${message}</p>`);

export interface GuestPageForms {
  /** Where this page's forms post: the link's own address. */
  base: string;
  formToken: string;
  /** What the last POST did, shown once after its redirect. */
  notice: string | null;
  problem: string | null;
}

function promiseItem(commitment: GuestCommitment, forms: GuestPageForms, yours: boolean): Html {
  const due = commitment.due_on ? html` <span class="muted">due ${commitment.due_on}</span>` : "";
  if (commitment.status === "done") return html`<li class="done">${commitment.title}${due} <span class="muted">(done)</span></li>`;
  const tick = yours
    ? html`<form class="inline" method="post" action="${forms.base}/promises/${commitment.id}/done"><input type="hidden" name="form_token" value="${forms.formToken}"><button type="submit">Mark done</button></form>`
    : "";
  return html`<li>${commitment.title}${due}${tick}</li>`;
}

function promisesSection(view: GuestView, forms: GuestPageForms): Html {
  // Sides flip: what the workspace records as owed by its partner is what the guest's company owes.
  const asGuest = view.commitments.map((commitment) => flipSides("commitments", commitment));
  const yours = asGuest.filter((commitment) => commitment.owed_by === "us");
  const theirs = asGuest.filter((commitment) => commitment.owed_by === "partner");
  const list = (items: GuestCommitment[], mine: boolean) =>
    items.length ? html`<ul>${items.map((item) => promiseItem(item, forms, mine))}</ul>` : html`<p class="muted">Nothing shared.</p>`;
  return html`<h2>You owe</h2>${list(yours, true)}<h2>${view.workspaceName} owes</h2>${list(theirs, false)}`;
}

function planSection(view: GuestView): Html {
  if (!view.plan) return html`<h2>Partnership plan</h2><p class="muted">${view.workspaceName} has not shared its plan.</p>`;
  const plan: PartnershipPlan = view.plan;
  const labels: Record<string, string> = { our_roles: `What ${view.workspaceName} does`, partner_roles: "What you do" };
  const rows = Object.entries(plan).map(([field, value]) => {
    const shown = field === "referral_targets" && plan.referral_targets ? plan.referral_targets.map((target) => flipSides("referrals", target)) : value;
    const links = field === "documents" && Array.isArray(value)
      ? html`<ul>${(value as { title: string; url: string }[]).map((doc) => {
        const href = httpLink(doc.url);
        return href ? html`<li><a href="${href}" rel="noreferrer noopener">${doc.title}</a></li>` : html`<li>${doc.title}: ${doc.url}</li>`;
      })}</ul>`
      : describeValue(shown);
    return html`<dt>${labels[field] ?? fieldLabel(field)}</dt><dd>${links}</dd>`;
  });
  return html`<h2>Partnership plan</h2><dl>${rows}</dl>`;
}

function goalsAndReferrals(view: GuestView): Html {
  const goals = view.goals.map((goal) => html`<li>${goal.title} <span class="muted">${goalFigures(goal.current, goal.target)}${goal.due_on ? `, by ${goal.due_on}` : ""}</span></li>`);
  const referrals = view.referrals.map((referral) => {
    const asGuest = flipSides("referrals", referral);
    const who = asGuest.direction === "to_partner" ? `You referred to ${view.workspaceName}` : `${view.workspaceName} referred to you`;
    const amount = referral.amount_minor !== null && referral.currency ? `, ${formatMoney(referral.amount_minor, referral.currency)}` : "";
    return html`<li>${referral.account_name} <span class="muted">${who}, ${referral.stage}${amount}</span></li>`;
  });
  const none = html`<p class="muted">Nothing shared.</p>`;
  return html`<h2>Shared goals</h2>${goals.length ? html`<ul>${goals}</ul>` : none}<h2>Referrals</h2>${referrals.length ? html`<ul>${referrals}</ul>` : none}`;
}

export function guestPage(view: GuestView, forms: GuestPageForms): Html {
  const flash = forms.notice ? html`<p class="notice" role="status">${forms.notice}</p>` : forms.problem ? html`<p class="problem" role="alert">${forms.problem}</p>` : "";
  return guestDocument(`${view.workspaceName} and ${view.partnerName}`, html`
<h1>${view.workspaceName} and ${view.partnerName}</h1>
<p class="muted">What ${view.workspaceName} shares with ${view.partnerName}. Mark your own promises done, or leave a comment for ${view.workspaceName}.</p>
${flash}${promisesSection(view, forms)}${planSection(view)}${goalsAndReferrals(view)}
<h2>Leave a comment</h2>
<form method="post" action="${forms.base}/comments"><input type="hidden" name="form_token" value="${forms.formToken}">
<label for="comment">Your comment for ${view.workspaceName}</label><textarea id="comment" name="comment" required maxlength="${guestCommentMaxLength}"></textarea>
<p><button type="submit">Send comment</button></p></form>`);
}
