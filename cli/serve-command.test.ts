import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import { type ServeProcess, spawnServe } from '../test/test-support/spawn-serve.ts';

const run = promisify(execFile);
const tempDir = () => mkdtempSync(join(tmpdir(), 'nox-serve-'));
const running: ServeProcess[] = [];
const serve = async (args: string[], env?: NodeJS.ProcessEnv) => {
  const started = await spawnServe(args, env);
  running.push(started);
  return started;
};
afterEach(() => {
  for (const p of running.splice(0)) p.child.kill('SIGKILL');
});

/** The shell lines of the "Try it" curl in the banner, run as printed. */
function bannerCurl(output: string): string {
  const start = output.indexOf('curl -X POST');
  return output.slice(start, output.indexOf('\n\n', start));
}

describe('nox-testkit serve', () => {
  test('--port 0 picks a free port and prints the URL, the demo key and a curl that works as printed', async () => {
    const mock = await serve(['--port', '0', '--in-memory']);
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.url).not.toBe('http://127.0.0.1:4400');
    expect(mock.output()).toContain('x-api-key: api_key_123');
    expect(mock.output()).toContain(`Dashboard           ${mock.url}/__nox/ui  (journal,`);
    const dashboard = await fetch(`${mock.url}/__nox/ui`);
    expect([dashboard.status, dashboard.headers.get('content-type')]).toEqual([
      200,
      'text/html; charset=utf-8',
    ]);
    const { stdout } = await run('sh', ['-c', bannerCurl(mock.output())]);
    expect(JSON.parse(stdout)).toMatchObject({
      supplier: 'Acme Energy',
      supplier_user_id: 'supplier_user_id_123',
    });
  });

  test('uses --public-url in link_url', async () => {
    const mock = await serve(['--port', '0', '--in-memory', '--public-url', 'https://auth.nox.test']);
    const res = await fetch(`${mock.url}/v2/supplier/link-sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'api_key_123' },
      body: JSON.stringify({ user_id: 'u', redirect_url: 'https://your-app.com/callback', asset_type: 'hp' }),
    });
    expect((await res.json()).link_url).toMatch(/^https:\/\/auth\.nox\.test\/ui\?token=/);
  });

  test('keeps an acknowledged write through a crash (SIGKILL) and a restart', async () => {
    const db = join(tempDir(), 'db.json');
    const first = await serve(['--port', '0', '--db', db]);
    const created = await fetch(`${first.url}/__nox/organisations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'supplier', name: 'Crash Test Energy' }),
    });
    const org = await created.json();
    first.child.kill('SIGKILL');
    await first.exited;
    const second = await serve(['--port', '0', '--db', db]);
    const list = await (await fetch(`${second.url}/__nox/organisations`)).json();
    expect(list.organisations).toContainEqual(
      expect.objectContaining({ name: 'Crash Test Energy', api_key: org.api_key }),
    );
  });

  test('refuses a second mock on a database another one is using, naming its process', async () => {
    const db = join(tempDir(), 'db.json');
    const first = await serve(['--port', '0', '--db', db]);
    const second = await serve(['--port', '0', '--db', db]);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`in use by process ${first.child.pid}`);
  });

  test('stops cleanly on Ctrl-C (SIGINT) with exit code 0', async () => {
    const mock = await serve(['--port', '0', '--in-memory']);
    mock.child.kill('SIGINT');
    expect(await mock.exited).toBe(0);
    expect(mock.output()).toContain('Stopping');
  });

  test('refuses a corrupt database file, names it and leaves it as it was', async () => {
    const db = join(tempDir(), 'db.json');
    writeFileSync(db, '{ half a database');
    const mock = await serve(['--port', '0', '--db', db]);
    expect(await mock.exited).toBe(1);
    expect(mock.output()).toContain(db);
    expect(mock.output()).toMatch(/Move it aside/);
  });

  test('says which port is taken and how to choose another', async () => {
    const first = await serve(['--port', '0', '--in-memory']);
    const port = new URL(first.url).port;
    const second = await serve(['--port', port, '--in-memory']);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`port ${port} on 127.0.0.1 is in use`);
  });

  test('stops quietly when its reader went away (nox-testkit serve | head), with nothing on stderr', async () => {
    const mock = await serve(['--port', '0', '--in-memory']);
    let stderr = '';
    mock.child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    mock.child.stdout?.destroy(); // as head does after its lines: the next write meets a closed pipe (EPIPE)
    mock.child.kill('SIGINT');
    expect(await mock.exited).toBe(0);
    expect(stderr).toBe('');
  });

  test('names a host it cannot listen on, in one line (was a bare ENOTFOUND)', async () => {
    const mock = await serve(['--port', '0', '--in-memory', '--host', '256.1.1.1']);
    expect(await mock.exited).toBe(1);
    expect(mock.output().split('\n')).toEqual([
      'nox-testkit serve: cannot listen on host "256.1.1.1": it is not an address of this machine (ENOTFOUND). Choose another with --host, e.g. 127.0.0.1 or 0.0.0.0.',
      '',
    ]);
  });

  test('rejects an unknown flag with a pointer to --help', async () => {
    const mock = await serve(['--prot', '4400']);
    expect(await mock.exited).toBe(2);
    expect(mock.output()).toBe(
      `nox-testkit serve: unknown option '--prot' (Did you mean --port?) (see "nox-testkit serve --help")\n`,
    );
  });

  test('--help documents every option with its env variable', async () => {
    const mock = await serve(['--help']);
    expect(await mock.exited).toBe(0);
    for (const text of [
      '--port',
      '--host',
      '--public-url',
      '--db',
      '--in-memory',
      '--config',
      '--admin-token',
      'NOX_TESTKIT_PORT',
    ]) {
      expect(mock.output()).toContain(text);
    }
  });

  test('reads the mock section of a JSON config file', async () => {
    const dir = tempDir();
    const config = join(dir, 'nox-testkit.json');
    writeFileSync(
      config,
      JSON.stringify({ mock: { inMemory: true, policies: { lifetime_v2_seconds: 60 } } }),
    );
    const mock = await serve(['--port', '0', '--config', config]);
    const policies = await (await fetch(`${mock.url}/__nox/policies`)).json();
    expect(policies.lifetime_v2_seconds).toBe(60);
    expect(mock.output()).toContain('Database            memory');
  });
});
