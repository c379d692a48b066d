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
  /**
   * NOX's origin as the supplier's app was given it (its NOX_AUTH_URL): the manufacturer calls NOX and the
   * browser opens NOX's pages there, so the redirect_uri NOX puts on the OAuth URL and the redirect_url it
   * answers have the host the app knows NOX by, as in production.
   */
  noxUrl: string;
}

/** A URL of the run's organisation; a run without it (a running app's organisation) skips the scenario. */
function organisationUrl(deps: Flow2Deps, field: 'oauth_login_url' | 'webhook_url', path: string): string {
  const url = deps.organisation[field];
  if (!url)
    throw new ScenarioSkipped(
      `the run's organisation (${deps.organisation.name}) has no ${field}: give supplier.${path}`,
    );
  return url;
}

/** Where NOX's selector sends the user: the supplier's OAuth page. */
export const oauthLoginUrl = (deps: Flow2Deps) => organisationUrl(deps, 'oauth_login_url', 'oauthLoginPath');

/** Where NOX posts its webhooks: the supplier's receiver. */
export const webhookUrl = (deps: Flow2Deps) => organisationUrl(deps, 'webhook_url', 'webhookPath');
