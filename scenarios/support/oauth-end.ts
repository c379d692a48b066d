import type { LinkEnd, ScenarioContext, SupplierAuthSeen, SupplierOutcome } from '../../harness/index.ts';

const SETTLE_MS = 10_000;

/** Where a login on the supplier's OAuth page left the user: back on NOX's return page, or on the supplier's. */
export type OAuthEnd = { nox: LinkEnd } | { supplier: SupplierOutcome } | { neither: string };

/**
 * Waits for whichever comes first: the browser back on NOX's return page (the redirect_uri NOX gave the
 * OAuth page), or the supplier showing its own connected or failure page. The other wait is abandoned.
 */
export async function oauthEnd(t: ScenarioContext, seen: SupplierAuthSeen): Promise<OAuthEnd> {
  const back = new URL(new URL(seen.oauthUrl).searchParams.get('redirect_uri') ?? seen.oauthUrl);
  const onNox = (url: URL) => url.origin === back.origin && url.pathname === back.pathname;
  const shown = await Promise.race<OAuthEnd | null>([
    t.page
      .waitForURL(onNox, { timeout: SETTLE_MS })
      .then(() => t.webApp.result())
      .then((nox) => ({ nox }))
      .catch(() => null),
    t.supplier
      .outcome()
      .then((supplier) => ({ supplier }))
      .catch(() => null),
  ]);
  return shown ?? { neither: `the browser is on ${t.page.url()}` };
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
