/**
 * The deliberate integration bugs SUPPLIER_FLAW can switch on, so the harness can prove it catches each.
 * Every switch in the app is a call to `hasFlaw` next to the correct code it bypasses.
 */
export const supplierFlaws = {
  'trust-callback-user': 'accepts a callback whose supplier_user_id is not the logged-in customer',
  'ignore-callback-errors': 'shows the connected page even when the callback carries an error',
  'omit-asset-type': 'creates link sessions without asset_type',
  'skip-device-fetch': 'never fetches the devices after the callback',
  'fetch-all-devices': 'fetches /v1/devices without user_id (every customer of the supplier)',
  'wrong-redirect-url': 'sends a redirect_url that is not on the allow-list',
  'no-error-page': 'answers a bare 500 when NOX fails while creating the link session',
  'post-other-customer':
    'sends POST /post-login-redirect the id of the last customer who logged in anywhere, not of this page',
  'redirect-before-post': 'sends the browser back to NOX before it POSTs /post-login-redirect (never, here)',
  'open-redirect': "sends the browser to its page's redirect_uri instead of the redirect_url NOX answered",
  'no-post-retry': 'gives up on the first 5xx, timeout or connection error of POST /post-login-redirect',
  'ignore-post-errors':
    'stores the customer as connected and shows success when NOX answers the POST 404/409/410',
  'refusal-without-error':
    'sends the browser to redirect_uri without error=access_denied when the terms are refused',
  'confirm-after-refusal':
    'confirms the login with POST /post-login-redirect even when the user refused the terms',
  'return-without-state': "sends the browser back to NOX's return page without the state NOX gave its page",
  'skip-webhook-signature': 'accepts a webhook whatever its signature',
  'webhook-not-idempotent': 'processes every webhook delivery, with no de-duplication on X-Webhook-Id',
  'webhook-id-before-processing':
    'marks an X-Webhook-Id processed before processing it, so the retry after its own 5xx is dropped',
  'ignore-webhook-settings': 'acknowledges settings webhooks but never applies them',
  'stale-settings-page':
    'applies settings webhooks to its copy, but its settings page shows the copy read at link time',
  'webhook-signature-without-timestamp':
    'checks X-Webhook-Signature over the raw body alone, not <timestamp>.<body>: refuses NOX 401',
  'mark-connected-on-start':
    'marks the customer connected when the link starts, so a cancel leaves it connected',
  'first-device-page-only': 'reads only the first page of GET /v1/devices',
  'hide-settings-errors': 'shows "saved" even when NOX refused the settings with 422',
  'drop-link-on-device-read-error':
    'forgets the link and shows a failure when the device read after the callback fails',
} as const;

export type SupplierFlaw = keyof typeof supplierFlaws;

export const isSupplierFlaw = (value: string): value is SupplierFlaw => Object.hasOwn(supplierFlaws, value);

/** The redirect_url the `wrong-redirect-url` flaw sends. */
export const WRONG_REDIRECT_URL = 'https://not-allowed.example/cb';
