import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { SupplierFlaw } from '../examples/reference-supplier/supplier-flaws.ts';
import type { RunResult } from '../harness/index.ts';
import { builtInScenarioDir, loadScenarios, selectScenarios } from '../harness/runner/load-scenarios.ts';
import { runAgainstReferenceSupplier } from '../test/test-support/run-reference-supplier.ts';

type Catch = { scenario: string; says: string };

/** For each deliberate bug of the reference supplier: the scenario that catches it and what its failure says. */
const catches: Record<SupplierFlaw, Catch> = {
  'trust-callback-user': {
    scenario: 'forged-callback-for-another-customer-is-refused',
    says: 'the supplier shows "connected"',
  },
  'ignore-callback-errors': {
    scenario: 'cancel-at-manufacturer-shows-failure',
    says: 'the supplier shows "connected"',
  },
  'omit-asset-type': {
    scenario: 'pv-devices-read-from-pv-endpoint',
    says: 'asset_type is required and must be one of: hp, pv',
  },
  'skip-device-fetch': { scenario: 'devices-read-only-for-callback-user', says: 'no device read at all' },
  'fetch-all-devices': {
    scenario: 'devices-read-only-for-callback-user',
    says: 'without user_id or device_id',
  },
  'wrong-redirect-url': {
    scenario: 'redirect-url-is-on-allow-list',
    says: 'is not one of the allowed redirect URLs',
  },
  'no-error-page': { scenario: 'nox-error-on-link-creation-shows-error-page', says: 'Internal Server Error' },
  'post-other-customer': {
    scenario: 'oauth-confirms-the-logged-in-customer',
    says: 'is the customer who logged in elsewhere just before',
  },
  'redirect-before-post': {
    scenario: 'oauth-posts-before-redirecting',
    says: 'NOX ended the link with supplier_not_confirmed',
  },
  'open-redirect': {
    scenario: 'oauth-redirects-only-to-nox-answer',
    says: 'the redirect_uri of its page’s address',
  },
  'no-post-retry': {
    scenario: 'oauth-post-retried-after-nox-5xx',
    says: 'the supplier shows its own failure page',
  },
  'ignore-post-errors': {
    scenario: 'oauth-replayed-state-is-refused',
    says: 'the supplier shows "connected"',
  },
  'refusal-without-error': {
    scenario: 'oauth-refused-terms-reports-access-denied',
    says: 'the supplier sent the browser back without error=access_denied',
  },
  'confirm-after-refusal': {
    scenario: 'oauth-refused-terms-reports-access-denied',
    says: 'after the user refused its terms: it confirmed a login the user did not consent to, so NOX shows the link as connected',
  },
  'return-without-state': {
    scenario: 'linked-from-nox-web-app',
    says: 'without state: NOX cannot tell which link that ends, showing "',
  },
  'skip-webhook-signature': {
    scenario: 'webhook-forged-signature-is-refused',
    says: 'it accepted a delivery whose X-Webhook-Signature is wrong',
  },
  'webhook-not-idempotent': { scenario: 'webhook-replay-is-processed-once', says: 'it processed it 2 times' },
  'webhook-id-before-processing': {
    scenario: 'webhook-retried-after-5xx-is-processed-once',
    says: 'it processed it 0 times',
  },
  'ignore-webhook-settings': {
    scenario: 'manufacturer-settings-change-reaches-supplier',
    says: 'its settings page shows 21 °C: its receiver acknowledged evt_',
  },
  'stale-settings-page': {
    scenario: 'manufacturer-settings-change-reaches-supplier',
    says: 'the page shows a stale copy, not what the receiver stored',
  },
  'webhook-signature-without-timestamp': {
    scenario: 'manufacturer-settings-change-reaches-supplier',
    says: 'failed (401): NOX signed these deliveries correctly, so the receiver’s check is wrong: the usual causes are an HMAC over re-serialised JSON rather than the raw body bytes',
  },
  'mark-connected-on-start': {
    scenario: 'cancel-leaves-customer-not-connected',
    says: 'its read-back says status "connected"',
  },
  'first-device-page-only': {
    scenario: 'many-devices-are-all-read',
    says: 'and the supplier never read that page',
  },
  'hide-settings-errors': {
    scenario: 'settings-refused-by-nox-is-shown',
    says: 'the page showed the change as saved',
  },
  'drop-link-on-device-read-error': {
    scenario: 'device-read-error-after-callback-keeps-link',
    says: 'the supplier shows a failure',
  },
};

/** A flaw that another scenario catches too (the table above names the first). */
const alsoCaught: [SupplierFlaw, Catch][] = [
  [
    'ignore-post-errors',
    { scenario: 'oauth-login-after-expiry-fails', says: 'the supplier shows "connected"' },
  ],
  [
    'mark-connected-on-start',
    { scenario: 'link-opened-after-expiry-shows-failure', says: 'its read-back says status "connected"' },
  ],
  [
    'webhook-signature-without-timestamp',
    {
      scenario: 'webhook-forged-signature-is-refused',
      says: 'a key other than this organisation’s NOX API key',
    },
  ],
];

/** Scenarios no flaw is built for, which the correct supplier must pass too (the happy paths of both flows). */
const alsoPassing = [
  'v2-heat-pump-happy-path',
  'linked-from-nox-web-app',
  'linked-from-manufacturer-link-session',
  'linked-from-deprecated-manufacturer-endpoint',
  'supplier-settings-change-reaches-manufacturer',
];

/** Runs these built-in scenarios against the reference supplier, started with `flaw`. */
async function runAgainst(flaw: SupplierFlaw | '', ids: string[]): Promise<RunResult> {
  const all = await loadScenarios([builtInScenarioDir]);
  const scenarios = selectScenarios(all, { grep: new RegExp(`^(${ids.join('|')})$`), tags: [] });
  expect(scenarios.map((s) => s.id).sort()).toEqual([...ids].sort());
  const reportDir = mkdtempSync(join(tmpdir(), `nox-catalogue-${flaw || 'correct'}-`));
  try {
    return await runAgainstReferenceSupplier(scenarios, { flaw, reportDir });
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
}

const outcomes = (result: RunResult) =>
  result.scenarios.map((s) => `${s.id}: ${s.status} ${s.failure?.message ?? s.reason ?? ''}`.trim());

describe('the built-in catalogue against the reference supplier', () => {
  // One run with several workers for all of them: a supplier and a browser per run is the slow part.
  test('passes against the correct supplier', async () => {
    const caught = [...Object.values(catches), ...alsoCaught.map(([, c]) => c)].map((c) => c.scenario);
    const ids = [...new Set([...caught, ...alsoPassing])];
    const result = await runAgainst('', ids);
    expect(outcomes(result).sort()).toEqual(ids.map((id) => `${id}: passed`).sort());
    expect(result.exit_code).toBe(0);
  }, 240_000);

  const rows = [...(Object.entries(catches) as [SupplierFlaw, Catch][]), ...alsoCaught].map(
    ([flaw, { scenario, says }]) => [flaw, scenario, says] as const,
  );
  test.each(rows)(
    'catches SUPPLIER_FLAW=%s in %s',
    async (flaw, scenario, says) => {
      const result = await runAgainst(flaw, [scenario]);
      const caught = result.scenarios.find((s) => s.id === scenario);
      expect(caught?.status, outcomes(result).join('\n')).toBe('failed');
      expect(caught?.failure?.message).toContain(says);
      // An advisory scenario warns: its failure fails the run only with --strict.
      expect(result.exit_code).toBe(caught?.severity === 'required' ? 1 : 0);
    },
    90_000,
  );

  // Every flow-2 scenario whose browser gets back to NOX: each is a verdict saying where the browser went
  // (a harness timeout reading NOX's return page was a SCENARIO_ERROR). The expired login ends at the supplier.
  test('gives a verdict, never a harness error, when the supplier returns to NOX without state', async () => {
    const all = await loadScenarios([builtInScenarioDir]);
    const flow2 = all.filter((s) => s.flow === 'manufacturer-app').map((s) => s.id);
    const result = await runAgainst('return-without-state', flow2);
    const harnessErrors = result.scenarios.filter(
      (s) => s.failure && s.failure.code !== 'EXPECTATION_FAILED',
    );
    expect(harnessErrors.map((s) => `${s.id}: ${s.failure?.message}`)).toEqual([]);
    const failed = result.scenarios.filter((s) => s.failure);
    for (const s of failed) expect(s.failure?.actual, s.id).toMatch(/\/ui\/supplier-return\S* without state/);
    // Only a scenario whose browser never gets back to NOX (the expired login) can pass.
    expect(result.scenarios.filter((s) => !s.failure).map((s) => s.id)).toEqual([
      'oauth-login-after-expiry-fails',
    ]);
    expect(failed.length).toBe(flow2.length - 1);
  }, 240_000);
});
