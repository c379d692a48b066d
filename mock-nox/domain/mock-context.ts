import type { Journal } from '../journal/journal.ts';
import type { Store } from '../store/open-store.ts';
import type { VirtualClock } from './clock.ts';
import type { Ids } from './ids.ts';

/** What every route and domain function of the mock works with. */
export interface MockContext {
  store: Store;
  clock: VirtualClock;
  ids: Ids;
  journal: Journal;
  /** How long ended or expired link sessions are kept (virtual seconds); a day by default. */
  sessionRetentionSeconds?: number;
}
