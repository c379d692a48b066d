import { isSupplierFlaw, type SupplierFlaw, supplierFlaws } from './supplier-flaws.ts';

/** Everything the reference supplier reads from its environment, validated. */
export interface SupplierConfig {
  /** Base of NOX's auth API, e.g. http://127.0.0.1:4400 (no trailing slash). */
  noxAuthUrl: string;
  /** Base of NOX's data API. */
  noxApiUrl: string;
  noxApiKey: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** The origin NOX sends the browser back to; undefined = the address actually bound. */
  publicUrl: string | undefined;
  flaw: SupplierFlaw | null;
  /** How long a call to NOX may take before the app gives up. */
  noxTimeoutMs: number;
  /** `limit` of its device reads; undefined = NOX's default (1000). Small in tests, to see pagination. */
  devicePageSize?: number;
  /** The waits before each retry of POST /post-login-redirect after a 5xx, timeout or connection error. */
  postRetryDelaysMs: readonly number[];
}

export const supplierDefaults = {
  host: '127.0.0.1',
  port: 3000,
  noxTimeoutMs: 10_000,
  // Three retries, 0.3 s, 1 s and 2 s apart: the user waits on the page, so a few seconds at most.
  postRetryDelaysMs: [300, 1000, 2000],
} as const;

/** A bad or missing environment variable; the message names it and says what is expected. */
export class SupplierConfigError extends Error {
  override name = 'SupplierConfigError';
}

/** Reads and validates the environment; throws SupplierConfigError naming the first bad variable. */
export function readSupplierConfig(env: NodeJS.ProcessEnv): SupplierConfig {
  const publicUrl = env.PUBLIC_URL ? baseUrl(env, 'PUBLIC_URL') : undefined;
  return {
    noxAuthUrl: baseUrl(env, 'NOX_AUTH_URL'),
    noxApiUrl: baseUrl(env, 'NOX_API_URL'),
    noxApiKey: required(env, 'NOX_API_KEY'),
    host: env.HOST || supplierDefaults.host,
    port: port(env.PORT),
    publicUrl,
    flaw: flaw(env.SUPPLIER_FLAW),
    noxTimeoutMs: supplierDefaults.noxTimeoutMs,
    devicePageSize: pageSize(env.NOX_DEVICE_PAGE_SIZE),
    postRetryDelaysMs: supplierDefaults.postRetryDelaysMs,
  };
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new SupplierConfigError(`${name} is not set: ${describe(name)}.`);
  return value;
}

function baseUrl(env: NodeJS.ProcessEnv, name: string): string {
  const value = required(env, name);
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || !/^https?:$/.test(url.protocol))
    throw new SupplierConfigError(`${name} is "${value}": ${describe(name)}, an http(s) URL.`);
  return value.replace(/\/+$/, '');
}

function port(value: string | undefined): number {
  if (value === undefined || value === '') return supplierDefaults.port;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new SupplierConfigError(
      `PORT is "${value}": expected a port number 0-65535 (0 picks a free port).`,
    );
  return n;
}

function pageSize(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 4000)
    throw new SupplierConfigError(
      `NOX_DEVICE_PAGE_SIZE is "${value}": expected a whole number 1-4000 (the limit of each device read).`,
    );
  return n;
}

function flaw(value: string | undefined): SupplierFlaw | null {
  if (!value) return null;
  if (isSupplierFlaw(value)) return value;
  const valid = Object.keys(supplierFlaws).join(', ');
  throw new SupplierConfigError(`SUPPLIER_FLAW is "${value}": expected one of ${valid} (or unset).`);
}

const descriptions: Record<string, string> = {
  NOX_AUTH_URL: 'the base URL of the NOX auth API (e.g. http://127.0.0.1:4400 for the mock)',
  NOX_API_URL: 'the base URL of the NOX data API (e.g. http://127.0.0.1:4400 for the mock)',
  NOX_API_KEY: 'the API key NOX gave this supplier (the mock demo key is api_key_123)',
  PUBLIC_URL: 'the origin browsers reach this app at (optional)',
};

const describe = (name: string) => descriptions[name] ?? name;
