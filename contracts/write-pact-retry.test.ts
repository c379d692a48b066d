import { describe, expect, test } from 'vitest';
import { withRecordRetries } from './write-pact.ts';

const notReceived = () =>
  new Error('Mock server failed: The following request was expected but not received');

/** An attempt that fails with the given errors in turn, then succeeds; counts its calls. */
function attempts(...failures: Error[]) {
  let calls = 0;
  return {
    run: async () => {
      const failure = failures[calls++];
      if (failure) throw failure;
    },
    calls: () => calls,
  };
}

describe('declaring an interaction Pact reports as not received although it answered it', () => {
  test('is tried again, so a race inside Pact does not fail a green run', async () => {
    const a = attempts(notReceived(), notReceived());
    await expect(withRecordRetries(a.run)).resolves.toBeUndefined();
    expect(a.calls()).toBe(3);
  });

  test("gives up after three tries with Pact's own message", async () => {
    const a = attempts(notReceived(), notReceived(), notReceived());
    await expect(withRecordRetries(a.run)).rejects.toThrow('expected but not received');
    expect(a.calls()).toBe(3);
  });

  test('is not tried again for any other failure, e.g. a mismatch', async () => {
    const a = attempts(new Error("Pact's mock server answered 500"));
    await expect(withRecordRetries(a.run)).rejects.toThrow('answered 500');
    expect(a.calls()).toBe(1);
  });
});
