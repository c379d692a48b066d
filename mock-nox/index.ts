// The public face of mock-nox: what cli/, contracts' verification and a supplier's own tests import
// (as `nox-testkit/mock`: startMock, and the control client's types).

export type { ControlClient } from '../openapi/control-client.ts';
export { type AppDeps, createApp } from './app.ts';
export { providerStates } from './control/provider-states.ts';
export type { TimeSource } from './domain/clock.ts';
export type { Ids } from './domain/ids.ts';
export type { Journal, JournalEntry } from './journal/journal.ts';
export { type RunningServer, startServer } from './server.ts';
export { type StartedMock, type StartMockOptions, startMock } from './start-mock.ts';
export { openStore, type Store, StoreFileError, type StoreOptions } from './store/open-store.ts';
export type { Organisation, Policies } from './store/schema.ts';
export { DEMO_SUPPLIER_KEY, LOOPBACK_ORIGINS } from './store/seed.ts';
