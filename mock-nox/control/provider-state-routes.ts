import { Router } from 'express';
import type { operations } from '../../openapi/generated/nox-control.ts';
import type { MockContext } from '../domain/mock-context.ts';
import type { JsonBody } from '../http/operation-types.ts';
import { createProviderStates } from './provider-states.ts';

/** POST /__nox/provider-states: Pact's state-change protocol, so any Pact verifier can set up the pacts' states. */
export function createProviderStateRoutes(ctx: MockContext): Router {
  const router = Router();
  const states = createProviderStates(ctx);
  router.post('/provider-states', async (req, res) => {
    const { state, params, action }: JsonBody<operations['changeProviderState']> = req.body;
    const values = states.change(state, params, action);
    await ctx.store.commit();
    res.json(values);
  });
  return router;
}
