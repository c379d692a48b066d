import { Router } from 'express';
import type { MockContext } from '../context.ts';

export function createThermalRoutes(_ctx: MockContext): Router {
  return Router();
}
