import type { PostLoginRedirect } from './nox-client.ts';
import { NoxRequestError } from './nox-error.ts';
import type { SupplierContext } from './supplier-context.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A failure worth another try: NOX failed (5xx) or did not answer; its 4xx answers are final. */
const isRetriable = (error: unknown) =>
  error instanceof NoxRequestError && (error.status === null || error.status >= 500);

/**
 * POST /post-login-redirect for `state`, retried with the same body after a 5xx, a timeout or a connection
 * error: NOX answers a repeat with the same 200, so a retry is safe even when the first call got through.
 * Throws the last NoxRequestError when NOX refused (4xx) or every attempt failed.
 */
export async function confirmLogin(
  ctx: SupplierContext,
  state: string,
  customerId: string,
): Promise<PostLoginRedirect> {
  // FLAW: no-post-retry gives up on the first failure.
  const delays = ctx.hasFlaw('no-post-retry') ? [] : ctx.config.postRetryDelaysMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await ctx.nox.postLoginRedirect(state, customerId);
    } catch (error) {
      const delay = delays[attempt];
      if (!isRetriable(error) || delay === undefined) throw error;
      await sleep(delay);
    }
  }
}
