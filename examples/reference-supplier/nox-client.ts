import { NoxRequestError, noxMessages } from './nox-error.ts';
import type { SupplierConfig } from './supplier-config.ts';

/** An asset type NOX links: a heat pump or solar panels. */
export type AssetType = 'hp' | 'pv';

/** The body of POST /v2/supplier/link-sessions as this app sends it. */
export interface LinkSessionRequest {
  user_id: string;
  redirect_url: string;
  asset_type?: AssetType;
  language: string;
  brand?: string;
}

/** The fields of NOX's 201 answer this app uses. */
export interface LinkSession {
  link_url: string;
  link_token: string;
  created_at: number;
  expires_at: number;
}

/** A device as /v1/devices and /v1/devices/pv list it (the fields this app shows). */
export interface NoxDevice {
  device_id: string;
  user_id: string;
  brand: string;
  model?: string;
}

/** One heat pump's settings in force, from GET /v1/devices/settings. */
export interface DeviceSettings {
  device_id: string;
  room: { preferred_temperature?: number };
  dhw: { temperature_lower_bound?: number; temperature_upper_bound?: number };
  optimization_settings: { pv_self_consumption?: boolean; dynamic_tariff?: boolean; flex_trading?: boolean };
}

export interface SettingsPatch {
  user_id: string;
  room?: { preferred_temperature: number };
  dhw?: { temperature_lower_bound: number; temperature_upper_bound: number };
  optimization_settings?: { pv_self_consumption: boolean; dynamic_tariff: boolean; flex_trading: boolean };
}

/** NOX's 200 to POST /post-login-redirect: where to send the browser, and the mapping (no callback follows). */
export interface PostLoginRedirect {
  redirect_url: string;
  nox_user_id: string;
  supplier_user_id: string;
  brand: string;
  device_ids: string[];
  connected_at: number;
}

/** A safety net: a pagination loop that never ends (a NOX bug) stops here. */
const MAX_DEVICE_PAGES = 100;

export type NoxClient = ReturnType<typeof createNoxClient>;

/** The app's calls to NOX, with its API key and a timeout; failures throw NoxRequestError. */
export function createNoxClient(config: SupplierConfig) {
  const call = async (method: string, url: string, what: string, body?: object) => {
    let res: Response;
    let text: string;
    try {
      res = await fetch(url, {
        method,
        headers: {
          'x-api-key': config.noxApiKey,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(config.noxTimeoutMs),
      });
      text = await res.text();
    } catch (error) {
      throw new NoxRequestError(null, [unreachable(error, config.noxTimeoutMs)], what);
    }
    const json = parse(text);
    if (!res.ok) throw new NoxRequestError(res.status, messagesOf(json, text, res.status), what);
    return json;
  };
  const devicesPath = (assetType: AssetType) => (assetType === 'pv' ? '/v1/devices/pv' : '/v1/devices');
  return {
    async createLinkSession(body: LinkSessionRequest): Promise<LinkSession> {
      const what = 'Creating the link session';
      const session = (await call(
        'POST',
        `${config.noxAuthUrl}/v2/supplier/link-sessions`,
        what,
        body,
      )) as LinkSession;
      if (typeof session?.link_url !== 'string' || !URL.canParse(session.link_url))
        throw new NoxRequestError(201, ['NOX answered without a usable link_url'], what);
      return session;
    },
    /**
     * The devices of one NOX user, or (userId null) of every user of this supplier: every page, following
     * meta.next_token until NOX answers null (`firstPageOnly` for the flaw that stops after one).
     */
    async listDevices(
      assetType: AssetType,
      userId: string | null,
      firstPageOnly = false,
    ): Promise<NoxDevice[]> {
      const devices: NoxDevice[] = [];
      let nextToken: string | null = null;
      for (let pages = 0; pages < MAX_DEVICE_PAGES; pages++) {
        const query = new URLSearchParams({
          ...(userId === null ? {} : { user_id: userId }),
          ...(config.devicePageSize === undefined ? {} : { limit: String(config.devicePageSize) }),
          ...(nextToken === null ? {} : { next_token: nextToken }),
        });
        const url = `${config.noxApiUrl}${devicesPath(assetType)}${query.size ? `?${query}` : ''}`;
        const page = (await call('GET', url, 'Fetching the devices')) as {
          data: NoxDevice[];
          meta?: { next_token?: string | null };
        };
        devices.push(...page.data);
        nextToken = page.meta?.next_token ?? null;
        if (nextToken === null || firstPageOnly) return devices;
      }
      throw new NoxRequestError(
        200,
        [`NOX kept answering a next_token after ${MAX_DEVICE_PAGES} pages`],
        'Fetching the devices',
      );
    },
    /** Names the customer who logged in on the OAuth page for NOX's `state` (one attempt; see confirm-login.ts). */
    async postLoginRedirect(state: string, userId: string): Promise<PostLoginRedirect> {
      const what = 'Confirming the login to NOX';
      const body = { state, user_id: userId };
      const answer = (await call(
        'POST',
        `${config.noxAuthUrl}/post-login-redirect`,
        what,
        body,
      )) as PostLoginRedirect;
      if (typeof answer?.redirect_url !== 'string' || !URL.canParse(answer.redirect_url))
        throw new NoxRequestError(200, ['NOX answered without a usable redirect_url'], what);
      return answer;
    },
    async getSettings(userId: string): Promise<DeviceSettings[]> {
      const url = `${config.noxApiUrl}/v1/devices/settings?user_id=${encodeURIComponent(userId)}`;
      return ((await call('GET', url, 'Reading the settings')) as { data: DeviceSettings[] }).data;
    },
    async patchSettings(patch: SettingsPatch): Promise<void> {
      await call('PATCH', `${config.noxApiUrl}/v1/devices/settings`, 'Saving the settings', patch);
    },
  };
}

function parse(text: string): unknown {
  try {
    return text === '' ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

function messagesOf(json: unknown, text: string, status: number): string[] {
  const messages = noxMessages(json);
  if (messages.length > 0) return messages;
  return [text.trim() ? `NOX answered ${status}: ${text.trim().slice(0, 200)}` : `NOX answered ${status}`];
}

function unreachable(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError')
    return `NOX did not answer within ${timeoutMs / 1000} s`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return `NOX could not be reached (${cause?.code ?? cause?.message ?? String(error)})`;
}
