import { describe, expect, test } from 'vitest';
import { adapterAdditions, describeAddition } from './adapter-additions.ts';
import { createListReporter } from './list-reporter.ts';
import { renderHtmlReport } from './render-html-report.ts';
import { renderJunitXml } from './render-junit-xml.ts';
import { type ScenarioResult, summarise } from './run-result.ts';
import { feed } from './test-support/feed-reporter.ts';
import { notRunScenario } from './test-support/retried-scenarios-fixture.ts';
import { createRunResultFixture } from './test-support/run-result-fixture.ts';
import { untestedFlows } from './untested-flows.ts';

const base = createRunResultFixture().scenarios[0] as ScenarioResult;
const skipped = (id: string, missing: string[], flow: ScenarioResult['flow'] = 'supplier-app') =>
  ({
    ...base,
    id,
    flow,
    status: 'skipped',
    reason: `the adapter has no ${missing.join(', ')}`,
    missing,
  }) as ScenarioResult;
const passed = (id: string, missing?: string) =>
  ({
    ...base,
    id,
    status: 'passed',
    ...(missing ? { not_checked: [{ check: 'that it stored it', missing }] } : {}),
  }) as ScenarioResult;

const scenarios = [
  passed('happy', 'readBack'),
  passed('relink', 'readBack'),
  passed('plain'),
  skipped('cancel', ['readBack']),
  skipped('replayed', ['readBack']),
  skipped('expiry-status', ['readBack.status']),
  skipped('oauth-a', ['oauthLoginPath', 'logInOnOAuthPage'], 'manufacturer-app'),
  skipped('oauth-b', ['oauthLoginPath', 'logInOnOAuthPage'], 'manufacturer-app'),
  skipped('oauth-c', ['oauthLoginPath', 'logInOnOAuthPage'], 'manufacturer-app'),
  skipped('refuse', ['oauthLoginPath', 'refuseOnOAuthPage'], 'manufacturer-app'),
];

describe('what to add to the adapter to test more', () => {
  test('groups the skipped scenarios by what they lack together, and the checks left out by what they read', () => {
    expect(adapterAdditions(scenarios)).toEqual([
      {
        add: ['oauthLoginPath', 'logInOnOAuthPage'],
        scenarios: ['oauth-a', 'oauth-b', 'oauth-c'],
        checks_in: [],
      },
      { add: ['readBack'], scenarios: ['cancel', 'replayed'], checks_in: ['happy', 'relink'] },
      { add: ['readBack.status'], scenarios: ['expiry-status'], checks_in: [] },
      { add: ['oauthLoginPath', 'refuseOnOAuthPage'], scenarios: ['refuse'], checks_in: [] },
    ]);
    expect(
      describeAddition({ add: ['readBack'], scenarios: ['cancel', 'replayed'], checks_in: ['happy'] }),
    ).toBe(
      'add readBack: 2 more scenarios (cancel, replayed), and its checks in 1 scenario that ran without it (happy)',
    );
    expect(describeAddition({ add: ['readBack.status'], scenarios: [], checks_in: ['a', 'b'] })).toBe(
      "add readBack's status: its checks in 2 scenarios that ran without it (a, b)",
    );
  });

  test('the console and the HTML header say each once, and an untested flow no longer repeats hook names', () => {
    const flows = untestedFlows(scenarios);
    expect(flows).toEqual([{ flow: 'manufacturer-app', reasons: [] }]);
    const result = createRunResultFixture({
      scenarios,
      ...summarise(scenarios, false),
      untested_flows: flows,
      untested: adapterAdditions(scenarios),
    });
    let out = '';
    feed(createListReporter({ write: (text) => (out += text), color: false, tty: false }), result);
    expect(out).toContain(
      [
        '  Untested: the manufacturer-app flow',
        '  To test more:',
        '    add oauthLoginPath and logInOnOAuthPage: 3 more scenarios (oauth-a, oauth-b, oauth-c)',
        '    add readBack: 2 more scenarios (cancel, replayed), and its checks in 2 scenarios that ran without it (happy, relink)',
        "    add readBack's status: 1 more scenario (expiry-status)",
        '    add oauthLoginPath and refuseOnOAuthPage: 1 more scenario (refuse)',
        '',
      ].join('\n'),
    );
    const header = renderHtmlReport(result, new Set()).split('</header>')[0];
    expect(header).toContain('<p class="untested">Untested: the manufacturer-app flow</p>');
    expect(header).toContain(
      '<li>add readBack: 2 more scenarios (cancel, replayed), and its checks in 2 scenarios that ran without it (happy, relink)</li>',
    );
    const section = renderHtmlReport(result, new Set())
      .split('id="scenario-happy"')[1]
      ?.split('</details>')[0];
    expect(section).toContain('<strong>Not checked</strong>');
    expect(section).toContain('that it stored it <span class="muted">(add readBack)</span>');
  });

  test('a stopped run says "not run" for what it never started, never "skipped"', () => {
    const all = [passed('plain'), notRunScenario];
    const result = createRunResultFixture({ scenarios: all, ...summarise(all, false), interrupted: true });
    expect(result.counts).toMatchObject({ passed: 1, skipped: 0, notRun: 1 });
    let out = '';
    feed(createListReporter({ write: (text) => (out += text), color: false, tty: false }), result);
    expect(out).toContain('1 passed, 0 failed, 0 skipped, 1 not run');
    expect(out).toContain('– acknowledges a webhook (not run)');
    expect(out).not.toContain('acknowledges a webhook (skipped)');
    expect(out).toContain('STOPPED before every scenario ran (1 passed, 0 failed so far, 1 not run)');
    const page = renderHtmlReport(result, new Set());
    expect(page).toContain('<span class="chip skipped">Not run</span>');
    expect(page).toContain('<strong>Not run:</strong> the run was stopped before this scenario started');
    expect(page).toContain('data-value="not_run"');
    expect(renderJunitXml(result)).toContain(
      'message="not run: the run was stopped before this scenario started"',
    );
  });
});
