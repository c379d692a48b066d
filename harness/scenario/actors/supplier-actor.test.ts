import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser } from '../../browser/launch-browser.ts';
import type { SupplierAdapter } from '../../config/define-config.ts';
import type { MockClient } from '../../runner/mock-client.ts';
import type { Scenario } from '../define-scenario.ts';
import { createScenarioCustomers } from '../scenario-customers.ts';
import { createSupplierActor } from './supplier-actor.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test("a wait for the supplier's outcome that another wait beat ends when its scenario closes the page", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  let reads = 0;
  let readsOfAClosedPage = 0;
  const adapter: SupplierAdapter = {
    name: 'Never Shows Energy',
    url: 'http://127.0.0.1:9',
    hooks: {
      startConnection: async () => undefined,
      // The supplier shows neither "connected" nor a failure (as when NOX's own page was the end).
      readOutcome: async ({ page: p }) => {
        reads += 1;
        if (p.isClosed()) readsOfAClosedPage += 1;
        await p.evaluate('1');
        return null;
      },
    },
  };
  const supplier = createSupplierActor({
    scenario: {
      id: 'outcome-wait',
      name: 'n',
      rule: 'r',
      severity: 'required',
      tags: [],
    } as unknown as Scenario,
    page,
    mock: {} as MockClient,
    organisationId: 'org_test',
    customers: createScenarioCustomers('outcome-wait'),
    step: (_name, action) => action(),
    adapter,
    supplierUrl: 'http://127.0.0.1:9',
    visits: { mark: async () => undefined, since: () => 0 },
  });
  const ended = supplier.outcome().then(
    () => 'it resolved',
    (error: Error) => error.message,
  );
  // Polled at least once on the open page, then the scenario ends and closes its context.
  await expect.poll(() => reads).toBeGreaterThan(0);
  await context.close();
  // Without the check it polled the closed page until its 10 s deadline and then failed as an expectation
  // (keeping the run's process alive that long after the last scenario).
  // The wait settles only when its loop returns, so no poll is left running after it: at most the one read
  // that was under way as the page closed saw it closed (without the check, every poll until the deadline).
  expect(await ended).toMatch(/^the page was closed/);
  expect(readsOfAClosedPage).toBeLessThanOrEqual(1);
});
