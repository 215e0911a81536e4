/**
 * Whether a string has the shape of an email address: something, "@",
 * something with a dot, no spaces. A shape check only (the content scripts
 * and the API's lookup use it to pass over names and junk); it imports
 * nothing, so the content scripts stay small.
 */
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmailAddress(value: string): boolean {
  return emailShape.test(value);
}
