import { Router } from 'express';
import type { MockContext } from '../context.ts';

export function createConsumptionRoutes(_ctx: MockContext): Router {
  return Router();
}
