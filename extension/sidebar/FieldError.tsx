import type { ErrorInfo } from "../messaging/protocol.ts";

/** The message for one field, from an API or local validation error. */
export function fieldMessage(error: ErrorInfo | null, ...paths: string[]): string | null {
  const issue = error?.issues?.find((candidate) => paths.some((path) => candidate.path === path || candidate.path.startsWith(`${path}.`)));
  return issue ? issue.message : null;
}

export interface FieldErrorProps {
  id: string;
  message: string | null;
}

export function FieldError({ id, message }: FieldErrorProps) {
  if (!message) return null;
  return <p class="field-error" id={id} role="alert">{message}</p>;
}

export function FormError({ error }: { error: ErrorInfo | null }) {
  if (!error) return null;
  return <p class="form-error" role="alert">{error.message}</p>;
}
