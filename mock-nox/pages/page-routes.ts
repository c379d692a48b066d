import { Router } from 'express';
import type { MockContext } from '../context.ts';

export function createPageRoutes(_ctx: MockContext): Router {
  return Router();
}
