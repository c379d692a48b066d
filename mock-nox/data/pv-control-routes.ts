import { Router } from 'express';
import type { MockContext } from '../context.ts';

export function createPvControlRoutes(_ctx: MockContext): Router {
  return Router();
}
