import type { CustomerClient } from './customer-client.ts';
import { type Completion, linkTokenOf, type SupplierFixture } from './supplier-fixture.ts';

export interface LinkInput {
  assetType?: 'hp' | 'pv';
  brand?: string;
  /** The fake manufacturer login; omitted = the user presses Cancel. */
  username?: string;
}

/**
 * The whole link without a browser: the customer presses Connect, the mock completes the session as the
 * user would, and the customer's browser follows NOX's redirect back to the app.
 */
export async function linkWithoutBrowser(
  f: SupplierFixture,
  customer: CustomerClient,
  input: LinkInput = {},
) {
  const { assetType = 'hp', brand = assetType === 'pv' ? 'sma' : 'daikin', username } = input;
  const started = await customer.post('/nox/connect', { asset_type: assetType, language: 'en' });
  const token = linkTokenOf(started.location);
  const done: Completion = await f.complete(token, username ? { brand, username } : { cancel: true });
  const page = await customer.get(done.redirect_url);
  return { token, done, page };
}
