import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { type StartedMock, startMock } from '../../../mock-nox/index.ts';
import type { Organisation } from '../../../openapi/wire-types.ts';
import { launchBrowser } from '../../browser/launch-browser.ts';
import { createMockClient } from '../../runner/mock-client.ts';
import type { ScenarioEnv } from '../../runner/run-scenario.ts';
import { createManufacturerOrgs } from '../actors/manufacturer-orgs.ts';

/** A mock, a browser and an organisation for running inline scenarios with runScenario. */
export interface InlineScenarioEnv {
  mock: StartedMock;
  browser: Browser;
  org: Organisation;
  /** An adapter with the two required hooks doing nothing: the test plays the supplier itself. */
  env: ScenarioEnv;
  stop(): Promise<void>;
}

/** Starts one for a test file; `redirect` is the organisation's allowed redirect URL and the app's URL. */
export async function startInlineScenarioEnv(name: string, redirect: string): Promise<InlineScenarioEnv> {
  const [mock, browser] = await Promise.all([startMock(), launchBrowser()]);
  const org = await mock.control.createOrganisation({ kind: 'supplier', name, redirect_urls: [redirect] });
  const client = createMockClient(mock.url);
  const env: ScenarioEnv = {
    browser,
    adapter: {
      name,
      url: redirect,
      hooks: { startConnection: async () => {}, readOutcome: async () => null },
    },
    supplierUrl: redirect,
    mock: client,
    organisationId: org.id,
    organisation: org,
    manufacturers: createManufacturerOrgs(client, redirect),
    manufacturerCallbackUrl: redirect,
    reportDir: mkdtempSync(join(tmpdir(), 'nox-inline-')),
    timeoutMs: 20_000,
    retries: 0,
  };
  return {
    mock,
    browser,
    org,
    env,
    stop: async () => {
      await browser.close();
      await mock.stop();
    },
  };
}
