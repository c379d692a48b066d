import type { NextFunction, Request, Response } from 'express';
import { type Area, areaOf } from '../journal/area-of.ts';
import { errors } from './error-templates.ts';
import { NoxError } from './nox-error.ts';

/** Renders the page an error under /ui and /connect is answered with, in the requested language if NOX has it. */
export type ErrorPageRenderer = (message: string, language: unknown) => string;

/**
 * The one error middleware: NOX's own shapes (`{error}` on the auth and control APIs, 422 `{detail}` on
 * the data API, a page for the hosted pages); anything unexpected is a 500 marked as a mock bug.
 * The page is rendered by the pages surface and handed in, so errors/ does not depend on pages/.
 */
export function createErrorMiddleware(renderErrorPage: ErrorPageRenderer) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const area = areaOf(req.path);
    const noxError = toNoxError(error, area === 'data');
    if (!(error instanceof NoxError) && noxError.status >= 500)
      console.error('[nox-testkit] internal error', error);
    if (area === 'page') {
      res
        .status(noxError.status)
        .type('html')
        .send(renderErrorPage(noxError.message, req.query.language ?? req.body?.language));
    } else {
      const answer = apiErrorAnswer(noxError, area);
      res.status(answer.status).json(answer.body);
    }
  };
}

/** An API's error answer: 422 `{detail: issues}` or `{detail}` on the data API, `{error}` elsewhere. */
export function apiErrorAnswer(noxError: NoxError, area: Area): { status: number; body: object } {
  if (area === 'data' && noxError.issues) return { status: 422, body: { detail: noxError.issues } };
  if (area === 'data') return { status: noxError.status, body: { detail: noxError.message } };
  return { status: noxError.status, body: { error: noxError.message } };
}

/**
 * What an error is answered as: a NoxError as it is, a body-parser error (or one of the API's body
 * reader, which uses the same `type`s) as NOX answers such a body, anything else a 500 marked as a mock bug.
 */
export function toNoxError(error: unknown, isDataApi: boolean): NoxError {
  if (error instanceof NoxError) return error;
  const bodyError = error as { type?: string; message?: string; status?: number };
  if (bodyError?.type === 'entity.parse.failed') {
    const notJson = errors.bodyNotJson(bodyError.message ?? 'parse error');
    // FastAPI answers a body it cannot decode with 422 and a detail list; the auth API keeps its 400 {error}.
    return isDataApi
      ? errors.validation([{ loc: ['body'], msg: notJson.message, type: 'json_invalid' }])
      : notJson;
  }
  if (bodyError?.type === 'entity.too.large')
    return new NoxError(413, 'The request body is too large (limit 1 MB).');
  if (typeof bodyError?.status === 'number' && bodyError.status >= 400 && bodyError.status < 500) {
    return new NoxError(bodyError.status, bodyError.message ?? 'Bad request');
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new NoxError(500, `[nox-testkit] internal error in the mock (please report it): ${detail}`);
}

/**
 * The APIs take JSON only: a body sent with another content type is refused up front rather than read
 * as "no body" (which would, say, turn a reset of one organisation into a reset of all).
 */
export function rejectNonJsonBodies(req: Request, _res: Response, next: NextFunction): void {
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
  if (hasBody && areaOf(req.path) !== 'page' && !req.is('application/json'))
    next(nonJsonBodyError(req.get('content-type')));
  else next();
}

export function nonJsonBodyError(contentType: string | undefined): NoxError {
  const msg = `The request body must be JSON sent with Content-Type: application/json (got ${contentType ?? 'no Content-Type'})`;
  return errors.validation([{ loc: ['body'], msg, type: 'model_attributes_type' }]);
}

/** Answers every path no route took, in the area's error shape. */
export function notFoundHandler(req: Request, _res: Response, next: NextFunction): void {
  next(errors.notFound(req.method, req.path));
}
