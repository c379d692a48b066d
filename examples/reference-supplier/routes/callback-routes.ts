import { type Request, type Response, Router } from 'express';
import { type CallbackPayload, decodeCallbackPayload, isCallbackPayload } from '../callback-payload.ts';
import type { NoxDevice } from '../nox-client.ts';
import { NoxRequestError } from '../nox-error.ts';
import { connectedPage } from '../pages/connected-page.ts';
import { loadSettingsCopy } from '../settings-copy.ts';
import type { SupplierContext } from '../supplier-context.ts';
import type { PendingLink } from '../supplier-store.ts';
import { queryValue } from './query-value.ts';
import { sendFailure } from './send-failure.ts';

/**
 * GET /nox/callback: where NOX sends the browser back. A failure shows its code; a success is trusted only
 * when it is for the logged-in customer and that customer started a link; then the devices are read
 * from the data API.
 */
export function createCallbackRoutes(ctx: SupplierContext): Router {
  const router = Router();
  router.get('/nox/callback', async (req, res) => {
    const customerId = ctx.sessions.customerOf(req);
    if (!customerId) return sendFailure(res, 401, { code: 'not_logged_in' });
    if (req.query.error !== undefined) return showNoxFailure(ctx, req, res, customerId);

    const checked = checkSuccess(ctx, customerId, queryValue(req.query.data));
    if ('problem' in checked)
      return sendFailure(res, 400, { code: 'invalid_callback', details: [checked.problem], customerId });
    const { payload, pending } = checked;
    ctx.store.pendingLinks.delete(customerId);
    const { nox_user_id, brand, device_ids, connected_at } = payload;
    const connection = {
      ...{ nox_user_id, brand, asset_type: pending.asset_type, device_ids, connected_at },
      linked_via: 'link-session' as const,
    };
    ctx.store.connections.set(customerId, { ...connection, devices_fetched: [] });

    const { devices, notice } = await fetchDevices(ctx, pending, nox_user_id);
    if (!devices && notice && ctx.hasFlaw('drop-link-on-device-read-error')) {
      // FLAW: drop-link-on-device-read-error takes a failed read for a failed link.
      ctx.store.connections.delete(customerId);
      return sendFailure(res, 502, { code: 'nox_unavailable', details: [notice], customerId });
    }
    const fetched = devices?.map((d) => d.device_id) ?? [];
    ctx.store.connections.set(customerId, { ...connection, devices_fetched: fetched });
    if (pending.asset_type === 'hp') await loadSettingsCopy(ctx, customerId, nox_user_id);
    const shown = devices ?? device_ids.map((device_id) => ({ device_id }));
    res.type('html');
    res.send(connectedPage({ customerId, noxUserId: nox_user_id, brand, devices: shown, notice }));
  });
  return router;
}

/** `error` + `error_description`: the link is over, the customer reads why. */
function showNoxFailure(ctx: SupplierContext, req: Request, res: Response, customerId: string): void {
  if (ctx.hasFlaw('ignore-callback-errors')) {
    // FLAW: ignore-callback-errors treats any return from NOX as a success.
    const known = ctx.store.connections.get(customerId);
    const page = { customerId, noxUserId: known?.nox_user_id ?? '', brand: known?.brand ?? 'manufacturer' };
    return void res.type('html').send(connectedPage({ ...page, devices: [] }));
  }
  ctx.store.pendingLinks.delete(customerId);
  const description = queryValue(req.query.error_description);
  const code = queryValue(req.query.error) || 'unknown';
  sendFailure(res, 200, { code, details: description ? [description] : [], customerId });
}

/** The payload and the link it ends, or why the callback cannot be trusted. */
function checkSuccess(
  ctx: SupplierContext,
  customerId: string,
  data: string | undefined,
): { payload: CallbackPayload; pending: PendingLink } | { problem: string } {
  if (data === undefined) return { problem: 'The callback has neither data nor error.' };
  const payload = decodeCallbackPayload(data);
  if (!isCallbackPayload(payload)) return payload;
  // Anyone can put any data in a URL: only the customer who is logged in may be linked.
  if (payload.supplier_user_id !== customerId && !ctx.hasFlaw('trust-callback-user'))
    return { problem: 'The callback is for another customer than the one logged in.' }; // FLAW: trust-callback-user
  const pending = ctx.store.pendingLinks.get(customerId);
  if (!pending) return { problem: 'No connection was started for this customer, or it already came back.' };
  return { payload, pending };
}

/** The linked user's devices from the data API; null (with a notice) when they cannot be read now. */
async function fetchDevices(
  ctx: SupplierContext,
  pending: PendingLink,
  noxUserId: string,
): Promise<{ devices: NoxDevice[] | null; notice?: string }> {
  if (ctx.hasFlaw('skip-device-fetch')) return { devices: null }; // FLAW: skip-device-fetch
  // FLAW: fetch-all-devices leaves out user_id, and so lists every customer's devices.
  const userId = ctx.hasFlaw('fetch-all-devices') ? null : noxUserId;
  try {
    // FLAW: first-device-page-only stops after the first page.
    const firstPageOnly = ctx.hasFlaw('first-device-page-only');
    return { devices: await ctx.nox.listDevices(pending.asset_type, userId, firstPageOnly) };
  } catch (error) {
    if (!(error instanceof NoxRequestError)) throw error;
    return {
      devices: null,
      notice: 'Your devices are connected, but we could not load their details just now.',
    };
  }
}
