import { Router } from 'express';
import type { MockContext } from '../context.ts';

export function createControlRoutes(_ctx: MockContext, _options: { adminToken?: string }): Router {
  return Router();
}
