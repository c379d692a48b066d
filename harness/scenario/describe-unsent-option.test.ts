import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Organisation } from '../../openapi/wire-types.ts';
import type { HookContext } from '../config/supplier-adapter.ts';
import { builtInScenarioDir, loadScenarios } from '../runner/load-scenarios.ts';
import { runScenario } from '../runner/run-scenario.ts';
import { describeUnsentOption } from './describe-unsent-option.ts';
import { type InlineScenarioEnv, startInlineScenarioEnv } from './test-support/scenario-env.ts';

let inline: InlineScenarioEnv;
let org: Organisation;
const redirect = 'http://127.0.0.1:3997/callback';

beforeAll(async () => {
  inline = await startInlineScenarioEnv('Drop Energy', redirect);
  ({ org } = inline);
});

afterAll(() => inline?.stop());

/** A hook that, like the README's first sample, passes only assetType on: the app creates the link without brand and language. */
async function startConnectionDroppingOptions(
  { page, user }: HookContext,
  { assetType }: { assetType: string },
) {
  const res = await fetch(`${inline.mock.url}/v2/supplier/link-sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': org.api_key },
    body: JSON.stringify({ user_id: user, redirect_url: redirect, asset_type: assetType }),
  });
  await page.goto(((await res.json()) as { link_url: string }).link_url);
}

describe('a link session without the brand or language the hook was given', () => {
  test('names both causes: the hook did not pass it on, or the app dropped it', () => {
    expect(describeUnsentOption('language', 'en', undefined, 'NOX then uses nl')).toBe(
      'it sent no language (NOX then uses nl): either the startConnection hook did not pass on the language "en" it was given (its options.language) to the app, or the app dropped it',
    );
    expect(describeUnsentOption('brand', 'nibe', 'daikin')).toBe(
      'it sent "daikin": either the startConnection hook did not pass on the brand "nibe" it was given (its options.brand) to the app, or the app replaced it',
    );
  });

  test.each([
    [
      'link-works-in-every-language',
      'it sent no language (NOX then uses nl): either the startConnection hook did not pass on the language "en"',
    ],
    [
      'preselected-brand-skips-brand-choice',
      'it sent no brand (NOX then shows its brand choice): either the startConnection hook did not pass on the brand "nibe"',
    ],
  ])('%s says so', async (id, says) => {
    const scenario = (await loadScenarios([builtInScenarioDir])).find((s) => s.id === id);
    if (!scenario) throw new Error(`no built-in scenario ${id}`);
    const env = {
      ...inline.env,
      adapter: {
        ...inline.env.adapter,
        hooks: { ...inline.env.adapter.hooks, startConnection: startConnectionDroppingOptions },
      },
    };
    const result = await runScenario(scenario, env);
    expect(result.failure?.actual).toContain(says);
    expect(result.failure?.actual).toMatch(/or the app dropped it$/);
  });
});
