import { ExpectationFailed } from '../../errors.ts';
import { pageText } from '../page-text.ts';
import type { LinkEnd } from '../scenario-context.ts';
import type { Flow2Deps } from './flow2-deps.ts';

const RETURN_MS = 10_000;

/**
 * How a manufacturer-app link ended for the party that started it: the manufacturer's app reads the
 * query NOX sent to its redirect_url (`data`, base64url JSON, or `error`); NOX's web app shows its own
 * return page (/ui/supplier-return), whose #error-code names a failure.
 */
export async function readLinkEnd(deps: Flow2Deps, party: 'manufacturer' | 'web-app'): Promise<LinkEnd> {
  const { page, scenario, step } = deps;
  const callback = new URL(deps.manufacturerCallbackUrl);
  const nox = new URL(deps.mock.baseUrl);
  const onReturnPage = (url: URL) => url.port === nox.port && url.pathname === '/ui/supplier-return';
  // Without state NOX's return page is a dead end (its 400 page): a verdict now, not a wait for a redirect.
  const arrived = (url: URL) =>
    (onReturnPage(url) && (party === 'web-app' || !url.searchParams.get('state'))) ||
    (party === 'manufacturer' && url.origin === callback.origin && url.pathname === callback.pathname);
  const where =
    party === 'manufacturer' ? deps.manufacturerCallbackUrl : "NOX's return page /ui/supplier-return";
  const fail = async (expected: string, actual: string): Promise<never> => {
    const text = (await pageText(page)).trim().slice(0, 200);
    throw new ExpectationFailed(expected, `${actual}, showing "${text}"`, scenario.rule, scenario.docs);
  };
  return step(
    `Back at ${party === 'manufacturer' ? "the manufacturer's app" : "NOX's web app"}`,
    async () => {
      await page
        .waitForURL(arrived, { timeout: RETURN_MS })
        .catch(() =>
          fail(`the browser to get back to ${where} within ${RETURN_MS / 1000} s`, `it is on ${page.url()}`),
        );
      const url = new URL(page.url());
      if (onReturnPage(url) && !url.searchParams.get('state'))
        await fail(
          "the supplier to send the browser back to NOX's redirect_uri with the state NOX gave its OAuth page",
          `it sent the browser to ${url.href} without state: NOX cannot tell which link that ends`,
        );
      if (party === 'manufacturer') return fromCallback(url);
      return fromReturnPage(deps, () =>
        fail('NOX’s return page to show the link’s success or failure', `the browser is on ${page.url()}`),
      );
    },
  );
}

function fromCallback(url: URL): LinkEnd {
  const error = url.searchParams.get('error');
  if (error !== null) {
    const description = url.searchParams.get('error_description');
    return { outcome: 'failed', error, ...(description !== null ? { error_description: description } : {}) };
  }
  const data = url.searchParams.get('data');
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(Buffer.from(data ?? '', 'base64url').toString('utf8'));
  } catch {
    return { outcome: 'failed', error: `unreadable callback: ${url.search || '(no query)'}` };
  }
  return {
    outcome: 'connected',
    nox_user_id: String(payload.nox_user_id),
    manufacturer_user_id:
      typeof payload.manufacturer_user_id === 'string' ? payload.manufacturer_user_id : null,
    supplier: String(payload.supplier),
    device_ids: Array.isArray(payload.device_ids) ? payload.device_ids.map(String) : [],
  };
}

/** NOX's web app shows no ids: the connected session's come from the mock's state, by its state. */
async function fromReturnPage(deps: Flow2Deps, neither: () => Promise<never>): Promise<LinkEnd> {
  const { page } = deps;
  // The return page shows one of the two; waiting for either (not a short look for the failure alone)
  // keeps a slow render under load from being read as a success.
  await page.locator('#error-code, #connected-text').first().waitFor({ timeout: RETURN_MS }).catch(neither);
  const code = (await page.locator('#error-code').count())
    ? await page.locator('#error-code').textContent()
    : null;
  if (code !== null) {
    const description =
      (await page
        .locator('#error-description')
        .textContent()
        .catch(() => null)) ?? undefined;
    return {
      outcome: 'failed',
      error: code.trim(),
      ...(description ? { error_description: description.trim() } : {}),
    };
  }
  const state = new URL(page.url()).searchParams.get('state');
  const session = (await deps.mock.state(deps.organisationId)).supplier_auth_sessions?.find(
    (s) => s.state === state,
  );
  if (!session?.nox_user_id)
    throw new Error(
      `NOX's return page shows connected, but the mock has no linked session for state ${state}`,
    );
  return {
    outcome: 'connected',
    nox_user_id: session.nox_user_id,
    manufacturer_user_id: null,
    supplier: deps.organisation.name,
    device_ids: session.device_ids,
  };
}
