// The public face of mock-nox: what cli/, contracts' verification and a supplier's own tests import.

export { type AppDeps, createApp } from './app.ts';
export { type RunningServer, startServer } from './server.ts';
export { openStore, type Store, StoreFileError, type StoreOptions } from './store/open-store.ts';
export { DEMO_SUPPLIER_KEY } from './store/seed.ts';
