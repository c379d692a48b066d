import type { z } from 'zod';

/**
 * One schema problem as one line: where, what was expected, what was given, e.g.
 * `run.retries: expected a whole number from 0 to 5, got 99` or `supplier: unknown key "hook"`.
 * `given` is shown instead of the issue's input when the value was text the schema saw converted.
 */
export function describeIssue(issue: z.core.$ZodIssue, given?: unknown): string {
  const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  const input = given ?? (issue as { input?: unknown }).input;
  if (issue.code === 'unrecognized_keys')
    return `${where}unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type' && input === undefined && where)
    return `${where}missing: ${expected(issue)}`;
  // An object's own rule (e.g. "give start or url") is about its keys: the whole object says nothing more.
  if (issue.code === 'custom' && typeof input === 'object' && input !== null)
    return `${where}${expected(issue)}`;
  return `${where}${expected(issue)}, got ${showValue(input)}`;
}

function expected(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input'))
    return `expected ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
  return issue.message;
}

/** A value as a user wrote it: text quoted, objects as JSON, functions as "a function". */
export function showValue(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'nothing';
  try {
    const json = JSON.stringify(value);
    return json.length > 60 ? `${json.slice(0, 57)}...` : json;
  } catch {
    return String(value);
  }
}
