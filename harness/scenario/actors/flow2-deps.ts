import type { Organisation } from '../../../openapi/wire-types.ts';
import { ScenarioSkipped } from '../../errors.ts';
import type { ActorDeps } from './actor-deps.ts';
import type { ManufacturerOrgs } from './manufacturer-orgs.ts';

/** What the flow-2 actors share beyond ActorDeps: the run's organisation, its manufacturers and their app. */
export interface Flow2Deps extends ActorDeps {
  /** The run's supplier organisation as created (its oauth_login_url and webhook_url). */
  organisation: Organisation;
  manufacturers: ManufacturerOrgs;
  /** The manufacturer app's redirect_url (harness/runner/manufacturer-app.ts). */
  manufacturerCallbackUrl: string;
  /** The states of the supplier-auth sessions this scenario started: they scope its journal. */
  authStates: Set<string>;
}

/** The run's oauth_login_url; a run without one (a running app's organisation) skips flow-2 scenarios. */
export function oauthLoginUrl(deps: Flow2Deps): string {
  const url = deps.organisation.oauth_login_url;
  if (!url)
    throw new ScenarioSkipped(
      `the run's organisation (${deps.organisation.name}) has no oauth_login_url: give supplier.oauthLoginPath`,
    );
  return url;
}

/** The run's webhook_url, or the scenario is skipped. */
export function webhookUrl(deps: Flow2Deps): string {
  const url = deps.organisation.webhook_url;
  if (!url)
    throw new ScenarioSkipped(
      `the run's organisation (${deps.organisation.name}) has no webhook_url: give supplier.webhookPath`,
    );
  return url;
}
