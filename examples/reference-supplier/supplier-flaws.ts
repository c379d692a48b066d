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
} as const;

export type SupplierFlaw = keyof typeof supplierFlaws;

export const isSupplierFlaw = (value: string): value is SupplierFlaw => Object.hasOwn(supplierFlaws, value);

/** The redirect_url the `wrong-redirect-url` flaw sends. */
export const WRONG_REDIRECT_URL = 'https://not-allowed.example/cb';
