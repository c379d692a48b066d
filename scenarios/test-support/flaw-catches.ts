import type { SupplierFlaw } from '../../examples/reference-supplier/supplier-flaws.ts';

// The catalogue's map of the reference supplier's deliberate bugs, shared by the test files that run it
// (split so that vitest's workers run them side by side).

/** A scenario that catches a flaw, and what its failure message says. */
export type Catch = { scenario: string; says: string };

/** For each deliberate bug of the reference supplier: the scenario that catches it and what its failure says. */
export const catches: Record<SupplierFlaw, Catch> = {
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
export const alsoCaught: [SupplierFlaw, Catch][] = [
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
export const alsoPassing = [
  'v2-heat-pump-happy-path',
  'linked-from-nox-web-app',
  'linked-from-manufacturer-link-session',
  'linked-from-deprecated-manufacturer-endpoint',
  'supplier-settings-change-reaches-manufacturer',
];
