/** Leading `NAME=value` words of a command (values plain, or quoted without the same quote inside). */
const ASSIGNMENTS = /^((?:[A-Za-z_]\w*=(?:"[^"]*"|'[^']*'|[^\s"']*)\s+)*)/;

/**
 * A plain command with `exec` put in, so it replaces the shell and the app is the harness's direct child
 * (reaped when it stops): leading env assignments go to `env` (`exec PORT=1 app` would try to run
 * "PORT=1"), and not twice when the user wrote it (`exec exec app` fails: there is no program "exec").
 * A command with shell syntax (`;`, `&&`, pipes, redirects, `$`) stays as written.
 */
export function execCommand(command: string): string {
  if (/[;&|<>()$`]/.test(command)) return command;
  const trimmed = command.trim();
  const assignments = ASSIGNMENTS.exec(trimmed)?.[1] ?? '';
  const rest = trimmed.slice(assignments.length).replace(/^exec\s+/, '');
  // dash forks for `NAME=v exec app`: env sets them and execs in turn, keeping the shell's pid.
  return assignments ? `exec env ${assignments}${rest}` : `exec ${rest}`;
}
