/**
 * The first SIGINT/SIGTERM resolves `requested` (a graceful stop); a second one calls `onSecond`, which
 * stops at once. Acknowledged writes are already in the file: an answer is sent only after its write.
 */
export function waitForStopSignals(onSecond: () => void): Promise<void> {
  return new Promise((resolve) => {
    const first = () => {
      process.off('SIGINT', first);
      process.off('SIGTERM', first);
      process.once('SIGINT', onSecond);
      process.once('SIGTERM', onSecond);
      resolve();
    };
    process.on('SIGINT', first);
    process.on('SIGTERM', first);
  });
}
