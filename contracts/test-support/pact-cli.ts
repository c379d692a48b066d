import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const pactCliBin = resolve(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'pact');

export interface PactCliResult {
  code: number;
  out: string;
  results: { description: string; result: string }[];
}

/**
 * pact-cli's own verifier against a running mock, as docs/contracts.md tells a provider's CI to run it:
 * states through the state-change URL, webhook messages from the mock's message producer.
 */
export function pactCli(file: string, mockUrl: string, extra: string[] = []): Promise<PactCliResult> {
  const { hostname, port } = new URL(mockUrl);
  const report = join(mkdtempSync(join(tmpdir(), 'nox-pact-cli-')), 'report.json');
  const args = ['verifier', '-f', file, '-h', hostname, '-p', port, '-n', 'nox-energy', '--no-colour'];
  args.push('--state-change-url', `${mockUrl}/__nox/provider-states`, '-j', report, ...extra);
  args.push('--transports', `message:${port}/__nox/pact-messages`);
  return new Promise((done) =>
    execFile(pactCliBin, args, (error, stdout, stderr) => {
      const parsed = JSON.parse(readFileSync(report, 'utf8'));
      done({
        code: error ? Number(error.code) : 0,
        out: stdout + stderr,
        results: parsed.interactionResults,
      });
    }),
  );
}
