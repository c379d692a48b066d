import { describe, expect, test } from 'vitest';
import { createDotReporter } from './dot-reporter.ts';
import { createLineReporter } from './line-reporter.ts';
import { createListReporter } from './list-reporter.ts';
import { renderHtmlReport } from './render-html-report.ts';
import type { ScenarioResult } from './run-result.ts';
import { feed } from './test-support/feed-reporter.ts';
import { createRunResultFixture } from './test-support/run-result-fixture.ts';
import { untestedFlows } from './untested-flows.ts';

const base = createRunResultFixture().scenarios[0] as ScenarioResult;
const scenario = (
  flow: ScenarioResult['flow'],
  status: ScenarioResult['status'],
  reason?: string,
  tags = ['hp'],
) => ({ ...base, flow, status, tags, ...(reason ? { reason } : {}) }) as ScenarioResult;
const noHook = 'the adapter has no logInOnOAuthPage hook';
const sentence = `Untested: the manufacturer-app flow (${noHook}; the adapter has no webhookPath)`;

describe('untested flows', () => {
  test('names a flow whose selected scenarios all skipped, with the distinct reasons; not one with a scenario that ran', () => {
    const flows = untestedFlows([
      scenario('supplier-app', 'passed'),
      scenario('supplier-app', 'skipped', 'the adapter has no readBack hook'),
      scenario('manufacturer-app', 'skipped', noHook),
      scenario('manufacturer-app', 'skipped', noHook),
      scenario('manufacturer-app', 'skipped', 'the adapter has no webhookPath'),
    ]);
    expect(flows).toEqual([
      { flow: 'manufacturer-app', reasons: [noHook, 'the adapter has no webhookPath'] },
    ]);
    expect(untestedFlows([scenario('manufacturer-app', 'failed')])).toEqual([]);
  });

  test("names NOX's webhooks when every webhook scenario skipped, though their flow ran", () => {
    const noPath = 'the adapter has no webhookPath';
    const flows = untestedFlows([
      scenario('supplier-app', 'passed'),
      scenario('supplier-app', 'skipped', noPath, ['webhooks', 'settings']),
      scenario('supplier-app', 'skipped', noPath, ['security', 'webhooks']),
    ]);
    expect(flows).toEqual([{ flow: 'webhooks', reasons: [noPath] }]);
    const result = createRunResultFixture({ untested_flows: flows });
    let out = '';
    feed(createListReporter({ write: (text) => (out += text), color: false, tty: false }), result);
    expect(out).toContain(`  Untested: NOX's webhooks (${noPath})\n`);
    const sharded = createRunResultFixture({ untested_flows: flows, shard: { index: 1, count: 3 } });
    let part = '';
    feed(createListReporter({ write: (text) => (part += text), color: false, tty: false }), sharded);
    expect(part).toContain(`  Untested in shard 1/3: NOX's webhooks (${noPath})\n`);
    expect(renderHtmlReport(sharded, new Set())).toContain('Untested in shard 1/3: NOX&#39;s webhooks');
    expect(untestedFlows([scenario('supplier-app', 'skipped', noPath, ['Webhooks'])])).toContainEqual({
      flow: 'webhooks',
      reasons: [noPath],
    });
    expect(
      untestedFlows([
        scenario('supplier-app', 'skipped', noPath, ['webhooks']),
        scenario('supplier-app', 'passed', undefined, ['webhooks']),
      ]),
    ).toEqual([]);
  });

  test('every console summary and the HTML report header say it', () => {
    const result = createRunResultFixture({
      untested_flows: [{ flow: 'manufacturer-app', reasons: [noHook, 'the adapter has no webhookPath'] }],
    });
    for (const create of [createListReporter, createLineReporter, createDotReporter]) {
      let out = '';
      feed(create({ write: (text) => (out += text), color: false, tty: false }), result);
      expect(out).toContain(`  ${sentence}\n`);
    }
    const header = renderHtmlReport(result, new Set()).split('</header>')[0];
    expect(header).toContain(`<p class="untested">${sentence}</p>`);
    expect(renderHtmlReport(createRunResultFixture(), new Set())).not.toContain('class="untested"');
  });
});
