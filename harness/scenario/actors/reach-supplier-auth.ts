import { ExpectationFailed } from '../../errors.ts';
import { pageText } from '../page-text.ts';
import type { SupplierAuthSeen } from '../scenario-context.ts';
import { type Flow2Deps, oauthLoginUrl } from './flow2-deps.ts';

const REACH_MS = 8000;

/**
 * Waits until NOX sent the browser to the supplier's OAuth page and reads the supplier-auth session it
 * opened (its state scopes the scenario's journal from now on). NOX's failure page instead fails, quoting it.
 */
export async function reachSupplierAuth(deps: Flow2Deps): Promise<SupplierAuthSeen> {
  const { page, scenario } = deps;
  const login = new URL(oauthLoginUrl(deps));
  const onLogin = (url: URL) => url.origin === login.origin && url.pathname === login.pathname;
  await page.waitForURL(onLogin, { timeout: REACH_MS }).catch(async () => {
    const text = (await pageText(page)).trim().slice(0, 200);
    throw new ExpectationFailed(
      `NOX to send the browser to the supplier's OAuth page ${login.origin}${login.pathname}`,
      `the browser is on ${page.url()}, showing "${text}"`,
      scenario.rule,
      scenario.docs,
    );
  });
  const oauthUrl = page.url();
  const state = new URL(oauthUrl).searchParams.get('state') ?? '';
  deps.authStates.add(state);
  const session = (await deps.mock.state(deps.organisationId)).supplier_auth_sessions?.find(
    (s) => s.state === state,
  );
  return {
    state,
    oauthUrl,
    nox_user_id: session?.nox_user_id ?? null,
    device_ids: session?.device_ids ?? [],
  };
}
