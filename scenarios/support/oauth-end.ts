import type { LinkEnd, ScenarioContext, SupplierAuthSeen, SupplierOutcome } from '../../harness/index.ts';

const SETTLE_MS = 15_000;

/** Where a login on the supplier's OAuth page left the user: back on NOX's return page, or on the supplier's. */
export type OAuthEnd = { nox: LinkEnd } | { supplier: SupplierOutcome } | { neither: string };

/**
 * Waits for whichever shows first: the browser back on NOX's return page (the redirect_uri NOX gave the
 * OAuth page), or the supplier showing its own connected or failure page. A wait that gives up does not
 * decide: only when both gave up is it neither (the supplier's wait ends sooner than a slow way back).
 * Back on NOX's return page but with nothing to read there (no `state`, no result) is neither at once,
 * with where the browser is: a verdict, not a harness timeout.
 */
export async function oauthEnd(t: ScenarioContext, seen: SupplierAuthSeen): Promise<OAuthEnd> {
  const back = new URL(new URL(seen.oauthUrl).searchParams.get('redirect_uri') ?? seen.oauthUrl);
  const onNox = (url: URL) => url.origin === back.origin && url.pathname === back.pathname;
  const shown = await firstFound<OAuthEnd>([
    t.page
      .waitForURL(onNox, { timeout: SETTLE_MS })
      .then(() => t.webApp.result())
      .then((nox): OAuthEnd => ({ nox }))
      .catch((error: unknown) => (isVerdict(error) ? { neither: error.actual } : null)),
    t.supplier
      .outcome()
      .then((supplier) => ({ supplier }))
      .catch(() => null),
  ]);
  return shown ?? { neither: `the browser is on ${t.page.url()}` };
}

/** An ExpectationFailed, by its code: a scenario loaded by jiti may see another copy of the class. */
const isVerdict = (error: unknown): error is { actual: string } =>
  (error as { code?: unknown } | null)?.code === 'EXPECTATION_FAILED';

/** The first of the waits to find something (not null), or null once every one found nothing. */
function firstFound<T>(waits: Promise<T | null>[]): Promise<T | null> {
  return new Promise((resolve) => {
    let left = waits.length;
    for (const wait of waits)
      void wait.then((found) => {
        left -= 1;
        if (found !== null) resolve(found);
        else if (left === 0) resolve(null);
      });
  });
}

/** The end in words, for a failure message. */
export function describeOAuthEnd(end: OAuthEnd): string {
  if ('nox' in end)
    return end.nox.outcome === 'connected'
      ? 'NOX shows the link as connected'
      : `NOX shows the failure ${end.nox.error}`;
  if ('supplier' in end)
    return end.supplier.status === 'connected'
      ? 'the supplier shows "connected"'
      : `the supplier shows its own failure page${end.supplier.code ? ` (${end.supplier.code})` : ''}, without sending the browser back to NOX`;
  return `neither NOX nor the supplier shows an outcome: ${end.neither}`;
}
