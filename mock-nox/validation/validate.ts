import type { Request } from 'express';
import { errors } from '../errors/error-templates.ts';
import { loadOpenApi } from './openapi-validator.ts';

/** Returns a function that checks a request against the named OpenAPI file and throws NOX's validation error. */
export function createRequestValidator(specName: string): (req: Request) => void {
  const validator = loadOpenApi(specName);
  return (req) => {
    const issues = validator.validateRequest({
      method: req.method,
      path: req.baseUrl + req.path,
      query: req.query,
      body: req.body,
    });
    if (issues && issues.length > 0) throw errors.validation(issues);
  };
}
