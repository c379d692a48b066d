import { loadOpenApi } from '../../openapi/validator/openapi-validator.ts';
import { errors } from '../errors/error-templates.ts';

/**
 * Returns a function that checks a request against the named OpenAPI file and throws NOX's validation
 * error; on success it returns the query with its types coerced and its defaults filled in.
 */
/** The parts of a request (an Express one or an MockRequest) that are validated. */
export interface ValidatedRequest {
  method: string;
  baseUrl: string;
  path: string;
  query: object;
  body: unknown;
}

export function createRequestValidator(
  specName: string,
): <Q = Record<string, unknown>>(req: ValidatedRequest) => Q {
  const validator = loadOpenApi(specName);
  return <Q>(req: ValidatedRequest) => {
    const query: Record<string, unknown> = { ...req.query };
    const issues = validator.validateRequest({
      method: req.method,
      path: req.baseUrl + req.path,
      query,
      body: req.body,
    });
    if (issues && issues.length > 0) throw errors.validation(issues);
    return query as Q;
  };
}
