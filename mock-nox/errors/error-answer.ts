import type { Area } from '../journal/area-of.ts';
import { errors } from './error-templates.ts';
import { NoxError } from './nox-error.ts';

/** Renders the page an error under /ui and /connect is answered with, in the requested language if NOX has it. */
export type ErrorPageRenderer = (message: string, language: unknown) => string;

/** An answer the pipeline writes for an error. */
export interface ErrorAnswer {
  status: number;
  contentType: string;
  text: string;
}

/**
 * The one error answer: NOX's own shapes (`{error}` on the auth and control APIs, 422 `{detail}` on the
 * data API, a page for the hosted pages). The page is rendered by the pages surface and handed in, so
 * errors/ does not depend on pages/.
 */
export function errorAnswer(
  noxError: NoxError,
  area: Area,
  renderPage: ErrorPageRenderer,
  language: unknown,
): ErrorAnswer {
  if (area === 'page')
    return {
      status: noxError.status,
      contentType: 'text/html; charset=utf-8',
      text: renderPage(noxError.message, language),
    };
  const answer = apiErrorAnswer(noxError, area);
  return {
    status: answer.status,
    contentType: 'application/json; charset=utf-8',
    text: JSON.stringify(answer.body),
  };
}

/** An API's error answer: 422 `{detail: issues}` or `{detail}` on the data API, `{error}` elsewhere. */
function apiErrorAnswer(noxError: NoxError, area: Area): { status: number; body: object } {
  if (area === 'data' && noxError.issues) return { status: 422, body: { detail: noxError.issues } };
  if (area === 'data') return { status: noxError.status, body: { detail: noxError.message } };
  return { status: noxError.status, body: { error: noxError.message } };
}

/**
 * What an error is answered as: a NoxError as it is, a body that cannot be read (http/request-body.ts, its
 * errors typed with body-parser's names) as NOX answers such a body, anything else a 500 marked as a mock bug.
 */
export function toNoxError(error: unknown, isDataApi: boolean): NoxError {
  if (error instanceof NoxError) return error;
  const bodyError = error as { type?: string; message?: string; status?: number; limit?: string };
  if (bodyError?.type === 'entity.parse.failed') {
    const notJson = errors.bodyNotJson(bodyError.message ?? 'parse error');
    // FastAPI answers a body it cannot decode with 422 and a detail list; the auth API keeps its 400 {error}.
    return isDataApi
      ? errors.validation([{ loc: ['body'], msg: notJson.message, type: 'json_invalid' }])
      : notJson;
  }
  if (bodyError?.type === 'entity.too.large')
    return new NoxError(413, `The request body is too large (limit ${bodyError.limit ?? '1 MB'}).`);
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
export function nonJsonBodyError(contentType: string | undefined): NoxError {
  const msg = `The request body must be JSON sent with Content-Type: application/json (got ${contentType ?? 'no Content-Type'})`;
  return errors.validation([{ loc: ['body'], msg, type: 'model_attributes_type' }]);
}
