import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { builtInScenarioDir, loadScenarios } from '../harness/runner/load-scenarios.ts';

const docs = readFileSync(join(import.meta.dirname, '..', 'docs', 'adapter.md'), 'utf8').replace(/\s+/g, ' ');

// The points an adapter for an app in another language hit, each answered in docs/adapter.md.
test('docs/adapter.md answers what an app in any language must know', () => {
  const section = docs.split('## An app in any language')[1]?.split('## ')[0] ?? '';
  for (const point of [
    'NOX_AUTH_URL', // the host NOX is given as, and that every URL NOX hands out has
    '`redirect_uri` before a refusal',
    'After 404, 409 or 410 from `POST /post-login-redirect`',
    '`metadata.external_user_id`',
    'verify the raw bytes',
    'which clock',
    'what "acted on" means',
    'examples/python-supplier',
  ])
    expect(section).toContain(point);
  expect(docs).toMatch(/`failNextWebhook\(ctx\)` \| no \| .*for `ctx.user`.*not acted on/);
  expect(docs).toMatch(/`readBack\(ctx\)` \| no \| .*`status`.*`webhook_ids`/);
  expect(docs).toMatch(
    /`readSettings\(ctx\)` \| no \| .*Leave out \(undefined\) a field your page does not show/,
  );
});

test('every scenario the adapter reference names for what it needs is in the catalogue, needing it', async () => {
  const scenarios = new Map((await loadScenarios([builtInScenarioDir])).map((s) => [s.id, s]));
  const table = docs.split('| needs | scenarios | why |')[1]?.split(' A scenario that needs')[0] ?? '';
  const rows = [...table.matchAll(/\| ([^|]+) \| ([a-z0-9-]+(?:, [a-z0-9-]+)*) \| [^|]+ \|/g)];
  expect(rows.length).toBeGreaterThan(3);
  for (const [, needs, ids] of rows)
    for (const id of (ids ?? '').split(', ')) {
      const scenario = scenarios.get(id);
      expect(scenario, id).toBeDefined();
      // readBack's fields are needs a run finds missing, not declared ones.
      for (const need of (needs ?? '').match(/`(\w+)`/g) ?? [])
        if (need !== '`status`' && need !== '`webhook_ids`')
          expect(scenario?.needs ?? [], id).toContain(need.replaceAll('`', ''));
    }
});
