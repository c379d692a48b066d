import { createHash } from 'node:crypto';
import { errors } from '../../errors/error-templates.ts';

export interface Page<T> {
  page: T[];
  next_token: string | null;
}

/**
 * Keyset pagination as NOX does it: next_token is base64 JSON naming the last key of the page (the docs'
 * PV example decodes to {"device_id": ..., "energy_supplier": ...}); null on the last page.
 */
export function paginateByKey<T>(
  items: T[],
  keyOf: (item: T) => { device_id: string; user_id?: string },
  limit: number,
  nextToken: string | undefined,
  tenant: Record<string, string>,
): Page<T> {
  const after = nextToken === undefined ? undefined : decodeToken(nextToken);
  if (after !== undefined && typeof after.device_id !== 'string') throw invalidToken();
  const sortKey = (k: { device_id: string; user_id?: string }) => `${k.device_id}\u0000${k.user_id ?? ''}`;
  const start = after === undefined ? 0 : items.findIndex((i) => sortKey(keyOf(i)) > sortKey(after as never));
  const rest = start === -1 ? [] : items.slice(start);
  const page = rest.slice(0, limit);
  const last = page.at(-1);
  return {
    page,
    next_token: rest.length > limit && last ? encodeToken({ ...keyOf(last), ...tenant }) : null,
  };
}

/** Rows `offset` to `offset + limit` of a series as it stood at `anchor`, and the length of the whole. */
export type SeriesSource<T> = (anchor: number, offset: number, limit: number) => { rows: T[]; total: number };

/** A source for series cheap enough to compute whole and slice. */
export function wholeSeries<T>(rowsAt: (anchor: number) => T[]): SeriesSource<T> {
  return (anchor, offset, limit) => {
    const rows = rowsAt(anchor);
    return { rows: rows.slice(offset, offset + limit), total: rows.length };
  };
}

/**
 * Modelled: how long a series token stays good. A client pages through a series right away, so a day of
 * virtual time is generous; older tokens, and anchors after now, would ask for long-gone or future series.
 */
const SERIES_TOKEN_SECONDS = 86_400;

/** Which series a token belongs to: the path and the query without limit and next_token. */
export function seriesScope(path: string, query: Record<string, unknown>): string {
  const params = Object.entries(query)
    .filter(([name, value]) => name !== 'limit' && name !== 'next_token' && value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256')
    .update(JSON.stringify([path, params]))
    .digest('base64url')
    .slice(0, 16);
}

/**
 * Offset pagination for series computed for one moment (`anchor`, the time of the first page), so later
 * pages match the first. The token carries anchor, offset and the series' scope, and is checked on return.
 */
export function paginateSeries<T>(
  source: SeriesSource<T>,
  request: { now: number; limit: number; nextToken: string | undefined; scope: string },
): Page<T> {
  const { now, limit, nextToken, scope } = request;
  const token = nextToken === undefined ? { anchor: now, offset: 0, scope } : decodeToken(nextToken);
  const { anchor, offset } = token;
  if (!Number.isSafeInteger(anchor) || !Number.isSafeInteger(offset) || offset < 0 || token.scope !== scope)
    throw invalidToken();
  if (anchor > now || anchor < now - SERIES_TOKEN_SECONDS) throw staleToken();
  const { rows, total } = source(anchor, offset, limit);
  const end = offset + limit;
  return {
    page: rows,
    next_token: end < total ? encodeToken({ anchor, offset: end, scope }) : null,
  };
}

function encodeToken(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64');
}

// biome-ignore lint/suspicious/noExplicitAny: a decoded token is checked field by field by its caller
function decodeToken(token: string): any {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    if (typeof value === 'object' && value !== null) return value;
  } catch {}
  throw invalidToken();
}

const invalidToken = () =>
  errors.invalid(
    ['query', 'next_token'],
    'next_token is not a token this endpoint returned; pass meta.next_token of the previous page as it is',
  );

const staleToken = () =>
  errors.invalid(
    ['query', 'next_token'],
    'next_token has expired: a series token is good for a day after its first page (and not before it); ask for the first page again without next_token',
  );
