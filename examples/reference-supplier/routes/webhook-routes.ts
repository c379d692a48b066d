import { createHmac } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { applyWebhookEvent, WebhookProcessingError } from '../apply-webhook-event.ts';
import type { SupplierContext } from '../supplier-context.ts';
import { verifyNoxWebhook } from '../verify-nox-webhook.ts';
import { parseWebhookEvent, settingOf } from '../webhook-event.ts';

const badSignature =
  'X-Webhook-Signature does not sign this body with our key, or X-Webhook-Timestamp is more than 300 s ' +
  'from now: the request is not from NOX, or a replay';

/**
 * POST /nox/webhooks: NOX's data change events. The signature is checked on the raw bytes before anything
 * is parsed; each X-Webhook-Id is acted on once, and counted as processed only once processing succeeded,
 * so a retry after a failure (our 5xx) is processed, and a replay or a repeat is acknowledged and ignored.
 */
export function createWebhookRoutes(ctx: SupplierContext): Router {
  const router = Router();
  const { store } = ctx;
  router.post('/nox/webhooks', express.raw({ type: () => true, limit: '100kb' }), async (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    // FLAW: webhook-signature-without-timestamp signs the body alone, so no genuine delivery verifies.
    const verified = ctx.hasFlaw('webhook-signature-without-timestamp')
      ? req.get('x-webhook-signature') ===
        `sha256=${createHmac('sha256', ctx.config.noxApiKey).update(raw).digest('hex')}`
      : verifyNoxWebhook(raw, req.headers, ctx.config.noxApiKey, ctx.nowSeconds());
    // FLAW: skip-webhook-signature acts on any request that reaches the URL.
    if (!verified && !ctx.hasFlaw('skip-webhook-signature')) return fail(res, 401, badSignature);
    const webhookId = req.get('x-webhook-id');
    if (!webhookId) return fail(res, 400, 'X-Webhook-Id is missing: NOX sends one with every delivery');
    const event = parseWebhookEvent(raw);
    if ('problem' in event) return fail(res, 400, `Not a NOX webhook event: ${event.problem}`);
    // FLAW: webhook-not-idempotent acts on every delivery of the same X-Webhook-Id.
    if (store.processedWebhooks.has(webhookId) && !ctx.hasFlaw('webhook-not-idempotent'))
      return void res.json({ status: 'already processed' });
    // FLAW: webhook-id-before-processing counts the delivery as done before doing it.
    if (ctx.hasFlaw('webhook-id-before-processing')) store.processedWebhooks.add(webhookId);

    const customerId = event.metadata.external_user_id;
    const connection = customerId ? store.connections.get(customerId) : undefined;
    // FLAW: ignore-webhook-settings acknowledges settings events and does nothing with them.
    const ignored = ctx.hasFlaw('ignore-webhook-settings') && settingOf(event.type) !== null;
    if (customerId && connection && !ignored) {
      if (store.failNextWebhook.delete(customerId))
        return fail(res, 503, 'The receiver is unavailable (test-only: fail-next-webhook was set)');
      try {
        await applyWebhookEvent(ctx, customerId, connection.nox_user_id, event);
      } catch (error) {
        if (error instanceof WebhookProcessingError) return fail(res, 503, `Not processed: ${error.message}`);
        throw error;
      }
      store.webhookIds.set(customerId, [...(store.webhookIds.get(customerId) ?? []), webhookId]);
    }
    // An event for a customer this app does not know is acknowledged: there is nothing to act on.
    store.processedWebhooks.add(webhookId);
    res.json({ status: 'processed' });
  });
  // Errors here answer JSON, as NOX reads them, not the app's HTML error page.
  router.use('/nox/webhooks', (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    const status = (error as { status?: unknown }).status;
    if (typeof status !== 'number' || status < 400 || status >= 500) return next(error);
    fail(res, status, (error as Error).message);
  });
  return router;
}

function fail(res: Response, status: number, error: string): void {
  res.status(status).json({ error });
}
