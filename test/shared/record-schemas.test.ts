import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createOf, partnerRecord, patchOf } from "../../shared/schemas/common.ts";
import { contactCreate } from "../../shared/schemas/contact.ts";
import { interaction } from "../../shared/schemas/interaction.ts";

const fields = { title: z.string(), note: z.string().nullable(), visibility: z.enum(["private", "shared"]) };

describe("the record schema factories", () => {
  it("a create body may leave out a nullable field, not a required one, and is private unless it says so", () => {
    const create = createOf(fields, {});
    expect(create.parse({ title: "Renewal" })).toEqual({ title: "Renewal", visibility: "private" });
    expect(create.parse({ title: "Renewal", note: null, visibility: "shared" })).toEqual({ title: "Renewal", note: null, visibility: "shared" });
    expect(create.safeParse({ note: "x" }).success).toBe(false);
  });

  it("a create body refuses a field it doesn't know, and the create's own changes win", () => {
    const create = createOf(fields, { title: z.string().default("Untitled") });
    expect(create.safeParse({ title: "Renewal", stray: 1 }).success).toBe(false);
    expect(create.parse({})).toEqual({ title: "Untitled", visibility: "private" });
  });

  it("a patch body takes any one field but not none", () => {
    const patch = patchOf(fields);
    expect(patch.parse({ note: null })).toEqual({ note: null });
    expect(patch.safeParse({}).success).toBe(false);
  });

  it("a record as the API shows it carries its id, its partner's, visibility, version and timestamps, and who wrote and changed it", () => {
    expect(Object.keys(partnerRecord("con", { title: z.string() }).shape)).toEqual(
      ["id", "partner_id", "title", "visibility", "version", "created_at", "updated_at", "origin", "changed_by"],
    );
    expect(Object.keys(interaction.shape)).not.toContain("updated_at");
  });

  it("the contact create keeps what it took before: only email is required", () => {
    expect(contactCreate.parse({ email: "ana@acme.com" })).toEqual({ email: "ana@acme.com", visibility: "private" });
  });
});
