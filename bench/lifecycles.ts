// Whole lifecycles per second, over real HTTP as a supplier's backend and the control API drive them:
// flow 1 (create a link session, complete it through the control API, read the devices) and flow 2 (a
// manufacturer link session, the supplier chosen, POST /post-login-redirect, the browser's return, read the
// devices). Closed loop: `concurrency` workers each run one lifecycle after another for `seconds`.
import { median, percentile } from './stats.ts';

const MANUFACTURER_KEY = 'mfr_api_key_123';
const SUPPLIER_KEY = 'api_key_123';

export type Flow = 'flow1' | 'flow2';

export interface LifecycleFigure {
  per_second: number;
  p50_ms: number;
  p99_ms: number;
  failed: number;
}

let counter = 0;
const unique = (prefix: string) => `${prefix}${process.pid}x${++counter}`;

async function call(url: string, method: string, path: string, key: string | null, body?: object) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 200)}`);
  return JSON.parse(text);
}

async function readDevices(url: string, key: string, noxUserId: string) {
  const devices = await call(url, 'GET', `/v1/devices?user_id=${encodeURIComponent(noxUserId)}`, key);
  if (!Array.isArray(devices.data) || devices.data.length === 0) throw new Error('no devices read back');
}

/** Flow 1 for one fresh supplier user; `username` picks the fake manufacturer account. */
export async function flow1(url: string, username = unique('bench')): Promise<string> {
  const session = await call(url, 'POST', '/v2/supplier/link-sessions', SUPPLIER_KEY, {
    user_id: username,
    redirect_url: 'https://your-app.com/callback',
    asset_type: 'hp',
  });
  const done = await call(url, 'POST', `/__nox/link-sessions/${session.link_token}/complete`, null, {
    brand: 'daikin',
    username,
  });
  if (done.outcome !== 'connected') throw new Error(`flow 1 ended ${done.outcome}: ${done.error}`);
  await readDevices(url, SUPPLIER_KEY, done.nox_user_id);
  return done.nox_user_id;
}

const flow2Suppliers = new Map<string, Promise<{ id: string; api_key: string }>>();

/** A supplier listed in NOX's selector, made once per server (its OAuth page is never opened here). */
function flow2Supplier(url: string) {
  let supplier = flow2Suppliers.get(url);
  if (!supplier) {
    supplier = call(url, 'POST', '/__nox/organisations', null, {
      kind: 'supplier',
      name: 'Bench Energy',
      oauth_login_url: 'https://bench-energy.example/oauth',
    });
    flow2Suppliers.set(url, supplier);
  }
  return supplier;
}

/** Flow 2 from the manufacturer's app for one fresh manufacturer user and supplier user. */
export async function flow2(url: string): Promise<string> {
  const supplier = await flow2Supplier(url);
  const link = await call(url, 'POST', '/v2/manufacturer/link-sessions', MANUFACTURER_KEY, {
    user_id: unique('mfr'),
    redirect_url: 'https://manufacturer-app.com/callback',
  });
  const chosen = await call(
    url,
    'POST',
    `/__nox/manufacturer-link-sessions/${link.link_token}/choose-supplier`,
    null,
    {
      supplier_organisation_id: supplier.id,
    },
  );
  if (chosen.outcome !== 'supplier_auth_started') throw new Error(`choose-supplier: ${chosen.error}`);
  const confirmed = await call(url, 'POST', '/post-login-redirect', supplier.api_key, {
    state: chosen.state,
    user_id: unique('customer'),
  });
  const back = await call(url, 'POST', `/__nox/supplier-auth-sessions/${chosen.state}/complete`, null, {});
  if (back.outcome !== 'connected') throw new Error(`flow 2 ended ${back.outcome}: ${back.error}`);
  await readDevices(url, supplier.api_key, confirmed.nox_user_id);
  return confirmed.nox_user_id;
}

/** Runs one flow in a closed loop against a server. */
export async function lifecycleRound(
  url: string,
  flow: Flow,
  seconds: number,
  concurrency = 20,
): Promise<LifecycleFigure & { first_error?: string }> {
  const run = flow === 'flow1' ? flow1 : flow2;
  await run(url); // set-up (flow 2's supplier) and a warm path, not counted
  const durations: number[] = [];
  let failed = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const end = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const t = performance.now();
      try {
        await run(url);
        durations.push(performance.now() - t);
      } catch (error) {
        failed++;
        firstError ??= String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  return {
    per_second: durations.length / elapsed,
    p50_ms: median(durations),
    p99_ms: percentile(durations, 99),
    failed,
    ...(firstError ? { first_error: firstError } : {}),
  };
}
