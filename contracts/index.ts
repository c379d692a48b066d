// The public face of contracts: Pact files from a run's traffic, and their verification against the mock.

export { buildPact } from './build-pact.ts';
export { pactFiles, verifyPacts } from './verify-pacts.ts';
