import { errors } from '../errors/error-templates.ts';

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

/** Offset pagination for series that were computed for one moment (`anchor`), so later pages match the first. */
export function paginateSeries<T>(
  rowsAt: (anchor: number) => T[],
  now: number,
  limit: number,
  nextToken: string | undefined,
): Page<T> {
  const token = nextToken === undefined ? { anchor: now, offset: 0 } : decodeToken(nextToken);
  if (typeof token.anchor !== 'number' || typeof token.offset !== 'number') throw invalidToken();
  const rows = rowsAt(token.anchor);
  const end = token.offset + limit;
  return {
    page: rows.slice(token.offset, end),
    next_token: end < rows.length ? encodeToken({ anchor: token.anchor, offset: end }) : null,
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
