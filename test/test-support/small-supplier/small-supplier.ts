// A small supplier app, as a new user would write one for NOX's flow 1 (plain node:http, no framework):
// log in, create a v2 link session with asset_type, take the callback's `data`, read the devices.
// Tests run it against the mock; SMALL_SUPPLIER_READS picks which device lists it reads after a link:
// `linked` (default: the linked asset type's list) or any of `hp`, `pv` (e.g. `pv` reads
// /v1/devices/pv even for a heat-pump customer, whose list is then empty). GET /__testkit/customers/<id>
// answers what it stored, for tests that add a readBack hook to its two-hook adapter.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { receiveWebhook } from './webhook-receiver.ts';

type AssetType = 'hp' | 'pv';
/** The fields of NOX's answers this app reads: a link session's link_url, a device list's page. */
interface NoxAnswer {
  link_url?: string;
  data?: { device_id: string }[];
  meta?: { next_token?: string | null };
}
interface Pending {
  assetType: AssetType;
}

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`The small supplier needs ${name} in its env`);
  return value;
};
const authUrl = env('NOX_AUTH_URL');
const apiUrl = env('NOX_API_URL');
const apiKey = env('NOX_API_KEY');
const reads = readsOption(process.env.SMALL_SUPPLIER_READS ?? 'linked');

/** Which device lists to read after a link: the linked type's, or a fixed list of types. */
function readsOption(value: string): 'linked' | AssetType[] {
  if (value === 'linked') return value;
  const types = value.split(',').map((t) => t.trim());
  if (types.length === 0 || types.some((t) => t !== 'hp' && t !== 'pv'))
    throw new Error(`SMALL_SUPPLIER_READS: expected "linked" or a list of hp, pv; got "${value}"`);
  return types as AssetType[];
}

const pending = new Map<string, Pending>();
const connections = new Map<string, { noxUserId: string; deviceIds: string[] }>();

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html lang="en"><meta charset="utf-8"><title>Small Energy</title>${body}</html>`);
}

function failed(res: ServerResponse, status: number, code: string, detail: string): void {
  page(
    res,
    status,
    `<h1 data-testid="failed" data-code="${escapeHtml(code)}">Connecting failed</h1><p>${escapeHtml(detail)}</p>`,
  );
}

function customerOf(req: IncomingMessage): string | undefined {
  const cookie = (req.headers.cookie ?? '').split(';').find((c) => c.trim().startsWith('customer='));
  return cookie ? decodeURIComponent(cookie.trim().slice('customer='.length)) : undefined;
}

async function nox(
  method: string,
  url: string,
  body?: object,
): Promise<{ status: number; json: NoxAnswer | null }> {
  const res = await fetch(url, {
    method,
    headers: { 'x-api-key': apiKey, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json: NoxAnswer | null = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, json };
}

/** Every page of one device list for one NOX user, following meta.next_token. */
async function readDevices(assetType: AssetType, noxUserId: string): Promise<string[]> {
  const path = assetType === 'pv' ? '/v1/devices/pv' : '/v1/devices';
  const ids: string[] = [];
  let next: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const query = new URLSearchParams({ user_id: noxUserId, ...(next ? { next_token: next } : {}) });
    const { status, json } = await nox('GET', `${apiUrl}${path}?${query}`);
    if (status !== 200 || !Array.isArray(json?.data)) throw new Error(`GET ${path} answered ${status}`);
    ids.push(...json.data.map((d) => d.device_id));
    next = json.meta?.next_token ?? null;
    if (!next) break;
  }
  return ids;
}

async function connect(req: IncomingMessage, res: ServerResponse, query: URLSearchParams) {
  const customer = customerOf(req);
  if (!customer) return failed(res, 401, 'not_logged_in', 'Log in first.');
  const assetType = query.get('asset_type');
  if (assetType !== 'hp' && assetType !== 'pv')
    return failed(res, 400, 'invalid_request', 'asset_type must be hp or pv.');
  const brand = query.get('brand');
  const language = query.get('language');
  const { status, json } = await nox('POST', `${authUrl}/v2/supplier/link-sessions`, {
    user_id: customer,
    redirect_url: `http://${req.headers.host}/callback`,
    asset_type: assetType,
    ...(brand ? { brand } : {}),
    ...(language ? { language } : {}),
  });
  if (status !== 201 || typeof json?.link_url !== 'string')
    return failed(res, 502, 'nox_error', `NOX answered ${status} to the link session.`);
  pending.set(customer, { assetType });
  res.writeHead(303, { location: json.link_url }).end();
}

async function callback(req: IncomingMessage, res: ServerResponse, query: URLSearchParams) {
  const customer = customerOf(req);
  if (!customer) return failed(res, 401, 'not_logged_in', 'Log in first.');
  const error = query.get('error');
  if (error) {
    pending.delete(customer);
    return failed(res, 200, error, query.get('error_description') ?? '');
  }
  let payload: { nox_user_id?: string; supplier_user_id?: string; device_ids?: unknown[] };
  try {
    payload = JSON.parse(Buffer.from(query.get('data') ?? '', 'base64url').toString('utf8'));
  } catch {
    return failed(res, 400, 'invalid_callback', 'The callback has no readable data.');
  }
  const link = pending.get(customer);
  // Anyone can put any data in a URL: only the customer logged in, who started a link, is linked.
  if (!link || payload?.supplier_user_id !== customer || typeof payload.nox_user_id !== 'string')
    return failed(res, 400, 'invalid_callback', 'This callback is not for a connection you started.');
  pending.delete(customer);
  const noxUserId = payload.nox_user_id;
  // The link is the callback's devices; the reads below are what the customer is shown.
  const linked = Array.isArray(payload.device_ids) ? payload.device_ids.map(String) : [];
  const types = reads === 'linked' ? [link.assetType] : reads;
  const deviceIds: string[] = [];
  let notice = '';
  try {
    for (const type of types) deviceIds.push(...(await readDevices(type, noxUserId)));
  } catch {
    notice = '<p>Your devices are connected; we could not load their details just now.</p>';
  }
  connections.set(customer, { noxUserId, deviceIds: linked });
  const list = deviceIds.map((id) => `<li>${escapeHtml(id)}</li>`).join('');
  page(res, 200, `<h1 data-testid="connected">Connected</h1>${notice}<ul>${list}</ul>`);
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  try {
    if (req.method === 'POST' && url.pathname === '/webhooks') return await receiveWebhook(req, res, apiKey);
    if (req.method !== 'GET') return failed(res, 405, 'method_not_allowed', 'Only GET is served here.');
    if (url.pathname === '/health') return void res.writeHead(200).end('ok');
    if (url.pathname === '/login') {
      const user = url.searchParams.get('user');
      const next = url.searchParams.get('next') ?? '/';
      if (!user || !next.startsWith('/') || next.startsWith('//'))
        return failed(res, 400, 'invalid_request', 'login needs user and a local next path.');
      const cookie = `customer=${encodeURIComponent(user)}; Path=/; HttpOnly; SameSite=Lax`;
      return void res.writeHead(303, { 'set-cookie': cookie, location: next }).end();
    }
    // What the app stored for a customer, for a test's optional readBack hook (no NOX call behind it).
    const readBack = /^\/__testkit\/customers\/([^/]+)$/.exec(url.pathname);
    if (readBack) {
      const stored = connections.get(decodeURIComponent(readBack[1] ?? ''));
      res.writeHead(stored ? 200 : 404, { 'content-type': 'application/json' });
      return void res.end(
        JSON.stringify(stored ? { nox_user_id: stored.noxUserId, device_ids: stored.deviceIds } : null),
      );
    }
    if (url.pathname === '/connect') return await connect(req, res, url.searchParams);
    if (url.pathname === '/callback') return await callback(req, res, url.searchParams);
    failed(res, 404, 'not_found', `No page at ${url.pathname}.`);
  } catch (error) {
    failed(res, 500, 'internal_error', String(error));
  }
});

server.listen(Number(env('PORT')), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
