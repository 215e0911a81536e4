/**
 * The guest page (GET /guest/:token) and its two forms: a guest marks one of
 * their company's promises done, or leaves a comment. Server-rendered, no
 * script; every answer is no-store, unframeable and sends no referrer (the
 * token is in the address). The link opens one partner's shared records and
 * nothing else: not the API (it is no bearer token), not another partner.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { ApiError } from "../api-error.ts";
import { multiLineText } from "../../shared/schemas/text.ts";
import { guestCommentMaxLength, parseGuestToken } from "../../shared/sharing/guest-link.ts";
import { guestLinkByToken, type GuestLinkRow } from "../db/guest-links.ts";
import { rescoreAfterWrite } from "../db/health-store.ts";
import type { AppEnv } from "../env.ts";
import { hmacHex, hmacMatches } from "../http/hmac.ts";
import { limitBody } from "../http/body-limit.ts";
import { failureGate, guestWriteRefusal } from "../http/rate-limit.ts";
import { cspHash } from "../http/csp-hash.ts";
import { addGuestComment, guestPartner, guestView, markGuestPromiseDone, type GuestScope } from "./guest-records.ts";
import { guestPage, guestProblemPage, guestStyle } from "./guest-page.ts";

let styleHash: Promise<string> | null = null;
const styleSource = () => (styleHash ??= cspHash(guestStyle));

/** No script at all, the one style block by its hash, forms only to this origin, never framed. */
const guestHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.res.headers.set("Content-Security-Policy",
    `default-src 'none'; style-src ${await styleSource()}; img-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`);
  c.res.headers.set("X-Frame-Options", "DENY");
  c.res.headers.set("Referrer-Policy", "no-referrer");
  c.res.headers.set("Cache-Control", "no-store");
  c.res.headers.set("X-Content-Type-Options", "nosniff");
};

class GuestRefusal extends Error {
  readonly status: ContentfulStatusCode;
  readonly heading: string;
  constructor(status: ContentfulStatusCode, heading: string, message: string) {
    super(message);
    this.status = status;
    this.heading = heading;
  }
}

const notAWorkingLink = () => new GuestRefusal(404, "This link does not open anything", "Check that the whole address was copied, or ask the company that sent it for a new link.");

interface OpenLink { row: GuestLinkRow; scope: GuestScope; partnerName: string; secret: string; base: string }

/** The link a token stands for, or the refusal a guest sees; a forged token costs no query. */
async function openLink(c: Context<AppEnv>): Promise<OpenLink> {
  const secret = c.env.GUEST_LINK_SECRET;
  if (!secret) throw new GuestRefusal(503, "Guest pages are not set up", "This deployment has no guest-link secret.");
  const token = c.req.param("token") ?? "";
  const parts = parseGuestToken(token);
  if (!parts || !(await hmacMatches(secret, parts.payload, parts.signature))) throw notAWorkingLink();
  const now = c.get("now");
  const expired = new GuestRefusal(410, "This link has expired", "Ask the company that sent it for a new link.");
  if (parts.expiresAt.getTime() <= now.getTime()) throw expired;
  const row = await guestLinkByToken(c.get("db"), token, parts.linkId);
  if (!row) throw notAWorkingLink();
  if (row.revoked_at) throw new GuestRefusal(410, "This link was withdrawn", "The company that sent it has turned it off; ask them for a new one.");
  if (Date.parse(row.expires_at) <= now.getTime()) throw expired;
  const scope = { workspaceId: row.workspace_id, partnerId: row.partner_id, linkId: row.id };
  const head = await guestPartner(c.get("db"), scope);
  if (!head) throw notAWorkingLink();
  return { row, scope, partnerName: head.name, secret, base: `/guest/${token}` };
}

/** The forms' token: bound to this link, made with the secret, so no other page can post for it. */
const formTokenOf = (link: OpenLink) => hmacHex(link.secret, `guest-form.${link.row.id}.${link.row.token_hash}`);

/** Refuses a post another site's page made (a browser says so), or one without this link's form token. */
async function checkPost(c: Context<AppEnv>, link: OpenLink): Promise<Record<string, unknown>> {
  // A browser's own word first (a page can't set Sec-Fetch-Site); else its Origin against the Host it asked.
  const site = c.req.header("Sec-Fetch-Site");
  const origin = c.req.header("Origin");
  const crossSite = site !== undefined
    ? site !== "same-origin" && site !== "none"
    : origin !== undefined && origin !== "null" && URL.canParse(origin) && new URL(origin).host !== c.req.header("Host");
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const token = typeof form.form_token === "string" ? form.form_token : "";
  if (crossSite || !(await hmacMatches(link.secret, `guest-form.${link.row.id}.${link.row.token_hash}`, token))) {
    throw new GuestRefusal(403, "This form can't be sent from here", "Open the link again and send the form from its page.");
  }
  return form;
}

const tooManyLinks = "Too many links from this address did not open anything; wait a minute and try again";

/** A refusal as the guest sees it, a page; a 429 keeps its Retry-After. */
async function problemPage(c: Context<AppEnv>, status: ContentfulStatusCode, heading: string, message: string): Promise<Response> {
  return c.html(guestProblemPage(heading, message), status);
}

/**
 * Runs a guest route. A link that opens nothing (404, 410) counts against the
 * client on AUTH_FAILURE_LIMIT, under its own key: past the limit the client
 * is turned away (429) before the next token is even checked, until the
 * period has passed, so guessing links is slow as well as hopeless.
 */
function guarded(handler: (c: Context<AppEnv>) => Promise<Response>) {
  return async (c: Context<AppEnv>) => {
    const gate = failureGate(c, "guest", tooManyLinks);
    try {
      gate.refuseIfBlocked();
      return await handler(c);
    } catch (error) {
      if (error instanceof ApiError && error.status === 429) return problemPage(c, 429, "Too many tries", error.message);
      if (!(error instanceof GuestRefusal)) throw error;
      if (error.status === 404 || error.status === 410) {
        const refusal = await gate.count();
        if (refusal) return problemPage(c, 429, "Too many tries", refusal.message);
      }
      return problemPage(c, error.status, error.heading, error.message);
    }
  };
}

/** A guest's change, charged to its link's budget first: over it, nothing is written. */
async function chargeGuestWrite(c: Context<AppEnv>, link: OpenLink): Promise<void> {
  const refusal = await guestWriteRefusal(c, link.row.id);
  if (refusal) throw refusal;
}

const notices: Record<string, string> = { promise: "Marked done. Thank you.", comment: "Your comment was sent." };

async function showPage(c: Context<AppEnv>, link: OpenLink, problem: string | null = null, status: ContentfulStatusCode = 200) {
  const head = await guestPartner(c.get("db"), link.scope);
  if (!head) throw notAWorkingLink();
  const view = await guestView(c.get("db"), link.scope, head);
  const notice = problem ? null : notices[c.req.query("done") ?? ""] ?? null;
  return c.html(guestPage(view, { base: link.base, formToken: await formTokenOf(link), notice, problem }), status);
}

const commentText = multiLineText(guestCommentMaxLength).refine((text) => text.trim() !== "", "must not be empty");

export function registerGuestRoutes(app: OpenAPIHono<AppEnv>): void {
  app.use("/guest/*", guestHeaders);
  app.use("/guest/*", limitBody(16 * 1024));
  app.get("/guest/:token", guarded(async (c) => showPage(c, await openLink(c))));

  app.post("/guest/:token/promises/:id/done", guarded(async (c) => {
    const link = await openLink(c);
    await checkPost(c, link);
    await chargeGuestWrite(c, link);
    const at = c.get("now").toISOString();
    if (!(await markGuestPromiseDone(c.get("db"), link.scope, link.partnerName, c.req.param("id") ?? "", c.get("requestId"), at))) {
      throw new GuestRefusal(404, "That promise can't be marked done here", "Only an open promise your company owes, on this page, can be marked done.");
    }
    await rescoreAfterWrite(c.get("db"), link.scope.workspaceId, link.scope.partnerId, c.get("now"));
    return c.redirect(`${link.base}?done=promise`, 303);
  }));

  app.post("/guest/:token/comments", guarded(async (c) => {
    const link = await openLink(c);
    const form = await checkPost(c, link);
    await chargeGuestWrite(c, link);
    const comment = commentText.safeParse(form.comment);
    if (!comment.success) {
      return showPage(c, link, `comment: ${comment.error.issues[0]?.message ?? "is not a comment"} (at most ${guestCommentMaxLength} characters)`, 400);
    }
    await addGuestComment(c.get("db"), link.scope, link.partnerName, comment.data.trim(), c.get("requestId"), c.get("now").toISOString());
    await rescoreAfterWrite(c.get("db"), link.scope.workspaceId, link.scope.partnerId, c.get("now"));
    return c.redirect(`${link.base}?done=comment`, 303);
  }));
}
