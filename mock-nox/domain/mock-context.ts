import type { Journal } from '../journal/journal.ts';
import type { Store } from '../store/open-store.ts';
import type { VirtualClock } from './clock.ts';
import type { Ids } from './ids.ts';
import type { WebhookDispatch } from './webhooks/webhook-dispatch.ts';

/** What every route and domain function of the mock works with. */
export interface MockContext {
  store: Store;
  clock: VirtualClock;
  ids: Ids;
  journal: Journal;
  /** How long ended or expired link sessions are kept (virtual seconds); a day by default. */
  sessionRetentionSeconds?: number;
  /** Sends the queued webhook deliveries (outbound/ implements it). */
  webhooks: WebhookDispatch;
}
