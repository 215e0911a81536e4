// The API's request and response shapes, shared by the worker and the extension.
export * from "./common.ts";
export * from "./partner.ts";
export * from "./contact.ts";
export * from "./interaction.ts";
export * from "./commitment.ts";
export * from "./referral.ts";
export * from "./goal.ts";
export * from "./meeting.ts";
export * from "./lookup.ts";
export * from "./me.ts";
export * from "./health.ts";
export * from "./capture.ts";
export * from "./nudges.ts";
export * from "./guest.ts";
export * from "./workspace-settings.ts";
