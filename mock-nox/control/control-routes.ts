import { type Request, Router } from 'express';
import type { operations } from '../../openapi/generated/nox-control.ts';
import { brands, findBrand } from '../domain/brands.ts';
import { getLinkSession } from '../domain/link/link-sessions.ts';
import { recordExpiries } from '../domain/link/session-retention.ts';
import type { MockContext } from '../domain/mock-context.ts';
import { createOrganisation, getOrganisation, policiesOf } from '../domain/organisations.ts';
import { errors } from '../errors/error-templates.ts';
import { refuseUnknownProperties } from '../http/known-properties.ts';
import type { JsonBody } from '../http/operation-types.ts';
import { createRequestValidator } from '../http/request-validator.ts';
import type { Area } from '../journal/area-of.ts';
import { defaultPolicies } from '../store/seed.ts';
import { completeWithoutBrowser } from './complete-link-session.ts';
import { type ControlAccessOptions, controlAccess } from './control-access.ts';
import { createPactMessageRoutes } from './pact-messages.ts';
import { createProviderStateRoutes } from './provider-state-routes.ts';
import { reset, stateOf } from './reset.ts';
import { createSupplierAuthControlRoutes } from './supplier-auth-routes.ts';
import { createUserSettingsRoutes } from './user-settings-routes.ts';
import { createWebhookRoutes } from './webhook-routes.ts';

type Body<K extends keyof operations> = JsonBody<operations[K]>;

const orgParam = (req: Request): string | undefined =>
  (req.body?.organisation_id as string | undefined) ?? (req.query.organisation_id as string | undefined);

/** The mock's own control API under /__nox (see openapi/nox-control.yaml). */
export function createControlRoutes(ctx: MockContext, options: ControlAccessOptions): Router {
  const router = Router();
  const validate = createRequestValidator('nox-control');
  router.use(controlAccess(options));
  router.use(refuseUnknownProperties('nox-control'));
  router.use((req, _res, next) => {
    validate(req);
    const id = orgParam(req);
    if (id !== undefined) getOrganisation(ctx, id);
    next();
  });
  const committed = async <T>(value: T) => {
    await ctx.store.commit();
    return value;
  };

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.post('/reset', async (req, res) => {
    const id = orgParam(req);
    reset(ctx, id);
    res.json(await committed({ reset: id ?? 'all' }));
  });
  router.get('/organisations', (_req, res) => {
    res.json({ organisations: ctx.store.rows('organisations') });
  });
  router.post('/organisations', async (req, res) => {
    const body: Body<'createOrganisation'> = req.body;
    res.status(201).json(await committed(createOrganisation(ctx, body)));
  });
  router.get('/clock', (req, res) => {
    res.json(ctx.clock.read(orgParam(req)));
  });
  router.post('/clock/advance', async (req, res) => {
    const body: Body<'advanceClock'> = req.body;
    recordExpiries(ctx);
    const reading = ctx.clock.advance(body.seconds, body.organisation_id);
    recordExpiries(ctx);
    res.json(await committed(reading));
  });
  router.post('/clock/set', async (req, res) => {
    const body: Body<'setClock'> = req.body;
    const target = body.now ?? Math.floor(Date.parse(body.iso ?? '') / 1000);
    recordExpiries(ctx);
    const reading = ctx.clock.set(target, body.organisation_id);
    recordExpiries(ctx);
    res.json(await committed(reading));
  });
  router.get('/policies', (req, res) => {
    const id = orgParam(req);
    res.json(
      id === undefined
        ? { ...defaultPolicies, ...ctx.store.data.policies }
        : policiesOf(ctx, getOrganisation(ctx, id)),
    );
  });
  router.put('/policies', async (req, res) => {
    const { organisation_id, ...changes }: Body<'putPolicies'> = req.body;
    if (organisation_id === undefined) {
      Object.assign(ctx.store.data.policies, changes);
      return res.json(await committed(ctx.store.data.policies));
    }
    const org = getOrganisation(ctx, organisation_id);
    Object.assign(org.policies, changes);
    res.json(await committed(policiesOf(ctx, org)));
  });
  router.put('/faults', async (req, res) => {
    const body: Body<'putFaults'> = req.body;
    const org = getOrganisation(ctx, body.organisation_id);
    const unknown = (body.brand_outages ?? []).filter((b) => !findBrand(b));
    if (unknown.length > 0)
      throw errors.brandUnknown(
        unknown.join(', '),
        brands.map((b) => b.slug),
      );
    org.brand_outages = body.brand_outages ?? [];
    org.route_faults = body.routes ?? [];
    res.json(
      await committed({
        organisation_id: org.id,
        brand_outages: org.brand_outages,
        routes: org.route_faults,
      }),
    );
  });
  router.post('/link-sessions/:token/complete', async (req, res) => {
    const session = getLinkSession(ctx, req.params.token);
    const body: Body<'completeLinkSession'> = req.body ?? {};
    const result = completeWithoutBrowser(ctx, session, body);
    await ctx.store.commit();
    res.json({
      redirect_url: result.url,
      outcome: result.error ? 'failed' : 'connected',
      error: result.error,
      nox_user_id: session.nox_user_id,
      device_ids: session.device_ids,
    });
  });
  router.use(createUserSettingsRoutes(ctx));
  router.use(createWebhookRoutes(ctx));
  router.use(createSupplierAuthControlRoutes(ctx));
  router.use(createProviderStateRoutes(ctx));
  router.use(createPactMessageRoutes(ctx));
  router.get('/state', (req, res) => {
    res.json(stateOf(ctx, orgParam(req)));
  });
  router.get('/journal', (req, res) => {
    const { area, after_id, limit } = req.query as { area?: Area; after_id?: string; limit?: string };
    const entries = ctx.journal.list({
      organisation_id: orgParam(req),
      area,
      after_id: after_id === undefined ? undefined : Number(after_id),
      limit: limit === undefined ? undefined : Number(limit),
    });
    res.json({ entries });
  });
  return router;
}
