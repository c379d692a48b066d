import { loadOpenApi } from '../../openapi/validator/openapi-validator.ts';
import { errors } from '../errors/error-templates.ts';
import type { NoxError } from '../errors/nox-error.ts';
import type { Area } from '../journal/area-of.ts';

/** A 405 and the `Allow` header it is answered with. */
export interface MethodNotAllowed {
  allow: string;
  error: NoxError;
}

/**
 * Answers a known path of NOX's APIs called with a method its spec does not give it (HEAD and OPTIONS
 * too, as FastAPI does): 405 with an `Allow` header of the path's methods, read from the specs so a new
 * endpoint is covered by itself. The data API answers as FastAPI does (`{"detail": "Method Not Allowed"}`),
 * the auth API in its `{error}` shape; elsewhere the routes' own methods at the path are allowed
 * (`routeMethods`). A path that has none goes on to the 404 (undefined).
 */
export function createMethodCheck(routeMethods: (path: string) => string[]) {
  const specs = { data: loadOpenApi('nox-data'), auth: loadOpenApi('nox-auth') };
  return (area: Area, method: string, path: string): MethodNotAllowed | undefined => {
    const allowed = area === 'data' || area === 'auth' ? specs[area].methodsAt(path) : routeMethods(path);
    if (allowed.length === 0 || allowed.includes(method)) return undefined;
    const allow = allowed.join(', ');
    if (area === 'data') return { allow, error: errors.methodNotAllowedFastApi() };
    const spec = area === 'page' ? undefined : `nox-${area}.yaml`;
    return { allow, error: errors.methodNotAllowed(method, path, allowed, spec) };
  };
}
