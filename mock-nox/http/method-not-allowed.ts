import type { NextFunction, Request, Response } from 'express';
import { loadOpenApi } from '../../openapi/validator/openapi-validator.ts';
import { errors } from '../errors/error-templates.ts';
import { areaOf } from '../journal/area-of.ts';

/**
 * Answers a known path called with a method its spec does not give it (HEAD and OPTIONS too, as FastAPI
 * does): 405 with an `Allow` header of the path's methods, read from the specs so a new endpoint is covered
 * by itself.
 * The data API answers as FastAPI does (`{"detail": "Method Not Allowed"}`), the auth API in its `{error}`
 * shape; a path no spec has goes on to the 404.
 */
export function createMethodNotAllowedHandler() {
  const specs = { data: loadOpenApi('nox-data'), auth: loadOpenApi('nox-auth') };
  return (req: Request, res: Response, next: NextFunction): void => {
    const area = areaOf(req.path);
    const allowed = area === 'data' || area === 'auth' ? specs[area].methodsAt(req.path) : [];
    if (allowed.length === 0 || allowed.includes(req.method)) {
      next();
      return;
    }
    res.set('Allow', allowed.join(', '));
    next(
      area === 'data'
        ? errors.methodNotAllowedFastApi()
        : errors.methodNotAllowed(req.method, req.path, allowed),
    );
  };
}
