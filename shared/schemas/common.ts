import { z } from "zod";
import { lineText, multiLineText } from "./text.ts";

/** Record ids are a type prefix and 24 random base-32 characters: ptr_…, cmt_…. */
export const recordId = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}_[0-9a-z]{24}$`), `must be a ${prefix}_… id`);

/**
 * Any ISO 8601 instant with an offset is accepted (so history keeps its real
 * times) and stored as UTC with a "Z", so text order is time order in SQL.
 */
const earliest = Date.UTC(1900, 0, 1);
const latest = Date.UTC(3000, 0, 1);
// Not a date at all is the format check's to report; this one judges only real dates.
const plausible = (value: string) => {
  const time = Date.parse(value);
  return Number.isNaN(time) || (time >= earliest && time < latest);
};

export const instant = z.iso
  .datetime({ offset: true })
  .refine(plausible, "must be between the years 1900 and 2999")
  .transform((value) => new Date(value).toISOString());

/** An ISO 8601 UTC timestamp as the API returns it. */
export const utcTimestamp = z.iso.datetime();

/** A calendar date, "YYYY-MM-DD", that exists. */
export const calendarDate = z.iso.date().refine((value) => plausible(`${value}T00:00:00Z`), "must be between the years 1900 and 2999");

export const email = z
  .email()
  .max(254)
  .transform((value) => value.toLowerCase());

export const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(2048);

/**
 * 10^13 minor units is 100 billion in a two-decimal currency: above any real
 * deal, and small enough that a million of them still sum exactly in a double
 * and in SQLite's 64-bit integers, so no stored amount can break a total.
 */
export const maxAmountMinor = 10 ** 13;
export const amountMinor = z.int().min(0).max(maxAmountMinor);

/** Goal targets and progress: counts or money, bounded like amounts so sums stay exact. */
export const goalFigure = z.number().finite().min(-maxAmountMinor).max(maxAmountMinor);

/** An ISO 4217 currency code. */
export const currency = z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD or EUR");

export const visibility = z.enum(["private", "shared"]);

export const shortText = lineText(1, 200);
export const longText = multiLineText(20_000);

/**
 * A page cursor as the API hands it out. It carries the last row's sort key:
 * a 200-character name in Chinese is 600 bytes of UTF-8, 800 in base64.
 */
export const listCursor = z.string().max(1_000);

export const listEnvelope = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next_cursor: z.string().nullable() });

export const errorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: "Error" });
export type ErrorBody = z.infer<typeof errorBody>;

/** A PATCH body must change something: an empty object is a client bug. */
export const nonEmptyPatch = <T extends z.ZodObject>(shape: T) =>
  shape.refine((value) => Object.keys(value).length > 0, {
    message: "send at least one field to change",
  });

/** A PATCH body of a record: any of its writable fields, at least one. */
export const patchOf = <Shape extends z.ZodRawShape>(fields: Shape) => nonEmptyPatch(z.strictObject(fields).partial());

/**
 * Who wrote a record, or changed it last: which side, which company, which
 * person. A person of the other company is named only while connected.
 */
export const recordAuthor = z
  .object({
    side: z.enum(["ours", "theirs"]),
    workspace_name: z.string().nullable(),
    member_email: z.string().nullable(),
  })
  .meta({ id: "RecordAuthor" });
export type RecordAuthor = z.infer<typeof recordAuthor>;

/**
 * A record that belongs to a partner as the API shows it: which it is and
 * whose, its own fields, then who sees it and its version. Kept in one place
 * so the six records can't drift apart on what every one of them carries.
 */
export const partnerRecord = <Shape extends z.ZodRawShape>(prefix: string, fields: Shape) =>
  z.object({
    id: recordId(prefix),
    partner_id: recordId("ptr"),
    ...fields,
    visibility,
    version: z.number(),
    created_at: utcTimestamp,
    updated_at: utcTimestamp,
    // Present while the partner is connected to its company's workspace (docs/sharing.md).
    origin: recordAuthor.optional(),
    changed_by: recordAuthor.nullable().optional(),
  });

/** On create, a field that may be null may also be left out (it is stored as null). */
type CreateShape<Shape extends z.ZodRawShape> = {
  [Key in keyof Shape]: Shape[Key] extends z.ZodNullable ? z.ZodOptional<Shape[Key]> : Shape[Key];
};

/**
 * A POST body of a record: its writable fields, the nullable ones optional,
 * private unless it says otherwise, with the create's own changes (defaults,
 * created_at for imported history).
 */
export const createOf = <Shape extends z.ZodRawShape, Changes extends z.ZodRawShape>(fields: Shape, changes: Changes) => {
  const shape = Object.fromEntries(
    Object.entries(fields).map(([key, field]) => [key, field instanceof z.ZodNullable ? field.optional() : field]),
  ) as CreateShape<Shape>;
  return z.strictObject(shape).extend({ visibility: visibility.default("private"), ...changes });
};
