import { CommanderError } from 'commander';
import { SettingError } from '../common/precedence.ts';
import { HarnessError, INFRASTRUCTURE_EXIT_CODE, isInfrastructureError } from '../harness/index.ts';

/** A usage error found by a command itself (e.g. nothing matches --grep): exit 2, like a bad flag. */
export class UsageError extends Error {}

/** The exit code of a usage error: a bad command, flag, env variable or config value. */
export const USAGE_EXIT = 2;

/**
 * The one error path of every command: a usage error is one line per problem, naming the flag, env
 * variable or config key and the bad value, with a pointer to --help, exit 2; any other failure is its
 * message (never a stack trace), exit 1, or INFRASTRUCTURE_EXIT_CODE (4) when the mock, the app or the
 * browser could not start. `command` is the subcommand's name, if there was one.
 */
export function reportFailure(error: unknown, command: string | undefined): number {
  const prefix = command ? `nox-testkit ${command}` : 'nox-testkit';
  const usage =
    error instanceof CommanderError ||
    error instanceof SettingError ||
    error instanceof UsageError ||
    (error instanceof HarnessError && error.code === 'CONFIG_INVALID');
  const message = error instanceof Error ? error.message : String(error);
  if (usage) {
    const lines = (error instanceof CommanderError ? [oneLine(message)] : message.split('\n')).filter(
      Boolean,
    );
    const last = lines.length - 1;
    const help = ` (see "${prefix} --help")`;
    process.stderr.write(lines.map((line, i) => `${prefix}: ${line}${i === last ? help : ''}\n`).join(''));
    return USAGE_EXIT;
  }
  const code = error instanceof HarnessError ? ` [${error.code}]` : '';
  process.stderr.write(`${prefix}: ${message}${code}\n`);
  return isInfrastructureError(error) ? INFRASTRUCTURE_EXIT_CODE : 1;
}

/** Commander's "error: unknown option '--x'\n(Did you mean --y?)" as one line. */
function oneLine(message: string): string {
  return message
    .replace(/^error: /, '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' ');
}
