import type { z } from 'zod';
import { describeIssue, showValue } from './describe-issue.ts';

/** Where a setting's value came from, strongest first. */
export const settingSources = ['flag', 'env', 'config', 'default'] as const;

export type SettingSource = (typeof settingSources)[number];

/** One setting as each source gives it (undefined: that source says nothing). */
export type SettingLayers<T> = Partial<Record<SettingSource, T | undefined>>;

/** The one precedence rule of every command: flag, then env variable, then config file, then default. */
export function precedence<T>(layers: SettingLayers<T>): { value: T | undefined; from?: SettingSource } {
  for (const from of settingSources) {
    const value = layers[from];
    if (value !== undefined) return { value, from };
  }
  return { value: undefined };
}

/** An env variable's value, with an empty one counted as not set. */
export function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  return env[name] === '' ? undefined : env[name];
}

/** A bad value of a setting, named by where it came from: "--retries", "NOX_TESTKIT_RETRIES" or a config key. */
export class SettingError extends Error {
  readonly code = 'SETTING_INVALID';
}

/** How one setting is named in each source and what a good value is. */
export interface SettingSpec<T> {
  /** e.g. "--retries" */
  flag?: string;
  /** e.g. "NOX_TESTKIT_RETRIES" */
  env?: string;
  /** e.g. "nox-testkit.config.ts run.retries" */
  config?: string;
  schema: z.ZodType<T>;
  /** Turns a flag's or env variable's text into what `schema` checks (e.g. "3" into 3). */
  fromText?: (text: string) => unknown;
}

/**
 * The setting's value after precedence (flag, env, config, default), checked by its schema; a bad value
 * throws a SettingError that names its source, e.g. `--retries: expected a whole number from 0 to 5, got "-1"`.
 */
export function resolveSetting<T>(spec: SettingSpec<T>, layers: SettingLayers<unknown>): T | undefined {
  const { value, from } = precedence(layers);
  if (from === undefined) return undefined;
  const isText = (from === 'flag' || from === 'env') && typeof value === 'string';
  const input = isText && spec.fromText ? spec.fromText(value) : value;
  const result = spec.schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const name = from === 'default' ? 'the default' : (spec[from] ?? from);
  const issue = result.error.issues[0];
  if (!issue) throw new SettingError(`${name}: got ${showValue(value)}`);
  // The value as the user wrote it, or the one bad item of a list ("bogus" of "list,bogus").
  const given = issue.path.length > 0 ? (issue as { input?: unknown }).input : value;
  throw new SettingError(`${name}: ${describeIssue({ ...issue, path: [] }, given)}`);
}

/** Text to a number when it is one ("3", "-1"), else unchanged, so the schema names the text it got. */
export function numberFromText(text: string): unknown {
  return /^\s*-?\d+(\.\d+)?\s*$/.test(text) ? Number(text) : text;
}

/** "1", "true", "yes" are true; "0", "false", "no" false (any case); anything else is left for the schema. */
export function booleanFromText(text: string): unknown {
  const lower = text.toLowerCase();
  if (['1', 'true', 'yes'].includes(lower)) return true;
  if (['0', 'false', 'no'].includes(lower)) return false;
  return text;
}
