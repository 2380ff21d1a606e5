// Client-side checks for the obvious mistakes, worded like the server's
// messages. The server stays the judge: its field_errors are shown too.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;
const NAME = /^[\p{L}\p{M}\s.'-]+$/u;

export function emailProblem(email: string): string | null {
  const e = email.trim();
  if (!e) return 'This field is required.';
  if (!EMAIL.test(e) || e.length > 254) return 'Enter a valid email address.';
  return null;
}

export function requiredProblem(value: string): string | null {
  return value.trim() ? null : 'This field is required.';
}

/** A person's name: letters, spaces, `.`, `-`, `'`, at least one letter, at most 100. */
export function nameProblem(value: string, required = true): string | null {
  const v = value.trim();
  if (!v) return required ? 'This field is required.' : null;
  if (v.length > 100) return 'Use at most 100 characters.';
  if (!NAME.test(v) || !/\p{L}/u.test(v)) return 'Use letters, spaces, dots, hyphens and apostrophes only.';
  return null;
}

/** The server's password rule: length, upper, lower, digit and symbol. */
export function passwordProblem(password: string, minLength = 8): string | null {
  if (!password) return 'This field is required.';
  const missing: string[] = [];
  if ([...password].length < minLength) missing.push(`at least ${minLength} characters`);
  if (!/[A-Z]/.test(password)) missing.push('an upper-case letter');
  if (!/[a-z]/.test(password)) missing.push('a lower-case letter');
  if (!/[0-9]/.test(password)) missing.push('a digit');
  if (!/[^A-Za-z0-9]/.test(password)) missing.push('a symbol');
  if (missing.length === 0) return null;
  const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
  return `Password needs ${list}.`;
}

export function confirmProblem(password: string, confirm: string): string | null {
  if (!confirm) return 'This field is required.';
  return password === confirm ? null : 'Passwords do not match.';
}

/** Collects the non-null problems into field errors. */
export function collect(problems: Record<string, string | null>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [field, problem] of Object.entries(problems)) if (problem) out[field] = [problem];
  return out;
}
