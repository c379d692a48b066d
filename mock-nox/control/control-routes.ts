import type { MockContext } from '../domain/mock-context.ts';
import { createOrganisation } from '../domain/organisations.ts';
import { publicUrlOf } from '../http/public-url.ts';
import { createRouter, type Router } from '../http/router.ts';
import type { Area } from '../journal/area-of.ts';
import { moveClock } from './clock-moves.ts';
import { completeLinkSession } from './complete-link-session.ts';
import { createControlRoute } from './control-route.ts';
import { producePactMessage } from './pact-messages.ts';
import { changePolicies, readPolicies, setFaults } from './policies-and-faults.ts';
import { createProviderStates } from './provider-states.ts';
import { reset, stateOf } from './reset.ts';
import { changeSettingsAsUser } from './settings-as-user.ts';
import { chooseSupplierFor, completeSupplierAuth, startWebAppConnection } from './supplier-auth-control.ts';
import { listDeliveries, redeliver } from './webhook-deliveries.ts';

/**
 * The mock's own control API under /__nox, one line per operation of openapi/nox-control.yaml (which gives
 * each its method and path); control-route.ts validates, checks the organisation and commits once.
 * Who may call it is the pipeline's guard (control-access.ts).
 */
export function createControlRoutes(ctx: MockContext): Router {
  const router = createRouter();
  const control = createControlRoute(ctx, router);
  const states = createProviderStates(ctx);
  control('getHealth', () => ({ status: 'ok' }));
  control('reset', ({ orgId }) => reset(ctx, orgId));
  control('listOrganisations', () => ({ organisations: ctx.store.rows('organisations') }));
  control('createOrganisation', ({ body }) => createOrganisation(ctx, body), 201);
  control('getClock', ({ orgId }) => ctx.clock.read(orgId));
  control('advanceClock', ({ body }) => moveClock(ctx, { advance: body }));
  control('setClock', ({ body }) => moveClock(ctx, { set: body }));
  control('getPolicies', ({ orgId }) => readPolicies(ctx, orgId));
  control('putPolicies', ({ body }) => changePolicies(ctx, body));
  control('putFaults', ({ body }) => setFaults(ctx, body));
  control('completeLinkSession', ({ param, body }) => completeLinkSession(ctx, param('link_token'), body));
  control('chooseSupplier', ({ param, body, req }) =>
    chooseSupplierFor(ctx, param('link_token'), body, publicUrlOf(req)),
  );
  control('startWebAppConnection', ({ body, req }) => startWebAppConnection(ctx, body, publicUrlOf(req)));
  control('completeSupplierAuthSession', ({ param, body }) =>
    completeSupplierAuth(ctx, param('state'), body),
  );
  control('patchSettingsAsUser', ({ param, body }) => changeSettingsAsUser(ctx, param('nox_user_id'), body));
  control('listWebhookDeliveries', ({ orgId, query }) => listDeliveries(ctx, orgId, query.status));
  control('deliverDueWebhooks', ({ orgId }) => ctx.webhooks.deliverDue(orgId));
  control('redeliverWebhook', ({ param }) => redeliver(ctx, param('delivery_id')));
  control('getState', ({ orgId }) => stateOf(ctx, orgId));
  control('getJournal', ({ orgId, query }) => ({
    entries: ctx.journal.list({ ...query, organisation_id: orgId, area: query.area as Area | undefined }),
  }));
  control('changeProviderState', ({ body }) => states.change(body.state, body.params, body.action));
  control('producePactMessage', ({ body }) => producePactMessage(ctx, body));
  return router;
}
