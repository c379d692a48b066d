import { spawn } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { execCommand } from './exec-command.ts';

/** Runs the command as the runner does (sh -c); what it printed and the pid of the process spawned. */
function runShell(command: string): Promise<{ out: string; pid: number | undefined; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(execCommand(command), { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c));
    child.stderr.on('data', (c: Buffer) => (out += c));
    child.on('exit', (code) => resolve({ out: out.trim(), pid: child.pid, code }));
  });
}

// No shell syntax in it (parentheses would keep the command as written): prints e.g. [ 123, 'hi there' ].
const printPid = `node -p "[process.pid,process.env.GREETING]"`;

describe('the supplier start command', () => {
  test('runs a command the user already began with exec, as the shell replaced by the app', async () => {
    const run = await runShell(`exec ${printPid}`);
    expect(run.code).toBe(0);
    expect(run.out).toBe(`[ ${run.pid}, undefined ]`);
  });

  test('keeps leading env assignments before the exec, and exec in a plain command', async () => {
    const run = await runShell(`GREETING='hi there' ${printPid}`);
    expect(run.out).toBe(`[ ${run.pid}, 'hi there' ]`);
    expect(execCommand('  node app.js ')).toBe('exec node app.js');
  });

  test('leaves a command with shell syntax as written', () => {
    expect(execCommand('npm run build && exec node app.js')).toBe('npm run build && exec node app.js');
  });
});
