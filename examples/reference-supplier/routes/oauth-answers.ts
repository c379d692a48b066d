import type { Response } from 'express';
import type { PostLoginRedirect } from '../nox-client.ts';
import type { NoxRequestError } from '../nox-error.ts';
import { connectedPage } from '../pages/connected-page.ts';
import { loadSettingsCopy } from '../settings-copy.ts';
import type { SupplierContext } from '../supplier-context.ts';
import { sendFailure } from './send-failure.ts';

// What the OAuth page does with NOX's answer to POST /post-login-redirect (routes/oauth-routes.ts).

/** NOX's answer is the only news of the link in this flow (no callback follows): store it, read settings. */
export async function storeConnection(ctx: SupplierContext, customerId: string, answer: PostLoginRedirect) {
  const { nox_user_id, brand, device_ids, connected_at } = answer;
  ctx.store.pendingLinks.delete(customerId);
  ctx.store.connections.set(customerId, {
    ...{ nox_user_id, brand, device_ids, connected_at },
    asset_type: 'hp',
    devices_fetched: [],
    linked_via: 'manufacturer-app',
  });
  await loadSettingsCopy(ctx, customerId, nox_user_id);
}

/** NOX refused the state (404/409/410) or never answered: nothing is connected, the customer reads why. */
export function notConfirmed(
  ctx: SupplierContext,
  res: Response,
  customerId: string,
  error: NoxRequestError,
) {
  const refused = error.status !== null && error.status >= 400 && error.status < 500;
  if (refused && ctx.hasFlaw('ignore-post-errors')) {
    // FLAW: ignore-post-errors takes any answer for a success.
    const connection = {
      nox_user_id: '',
      brand: 'manufacturer',
      device_ids: [],
      connected_at: ctx.nowSeconds(),
    };
    ctx.store.connections.set(customerId, {
      ...connection,
      asset_type: 'hp',
      devices_fetched: [],
      linked_via: 'manufacturer-app',
    });
    return void res
      .type('html')
      .send(connectedPage({ customerId, noxUserId: '', brand: 'manufacturer', devices: [] }));
  }
  const code = !refused
    ? 'nox_unavailable'
    : error.status === 410
      ? 'session_expired'
      : 'login_not_confirmed';
  sendFailure(res, refused ? 409 : 502, { code, details: error.messages, customerId });
}
