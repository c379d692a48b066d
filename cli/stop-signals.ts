/**
 * The first SIGINT/SIGTERM resolves the promise (a graceful stop); a later one calls `onSecond`, which
 * stops at once. Acknowledged writes are already in the file: an answer is sent only after its write.
 * One listener stays registered throughout: swapping listeners could drop a signal that arrives meanwhile.
 */
export function waitForStopSignals(onSecond: () => void): Promise<void> {
  return new Promise((resolve) => {
    let received = 0;
    const onSignal = () => {
      received += 1;
      if (received === 1) resolve();
      else onSecond();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
