// The public face of contracts: Pact files from a run's traffic, and their verification against the mock.

export { buildPact } from './build-pact.ts';
export { writeMergedPact } from './merge-pacts.ts';
export { PactFileError, pactFiles } from './pact-files.ts';
export { verifyPacts } from './verify-pacts.ts';
