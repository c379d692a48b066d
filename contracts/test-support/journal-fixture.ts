import type { RunResult, ScenarioResult } from '../../harness/report/run-result.ts';
import type { JournalEntry } from '../recorded-interaction.ts';

let id = 0;
/** A journal entry as the mock records one; only the parts a contract reads. */
export function entry(
  method: string,
  path: string,
  status: number,
  options: {
    query?: Record<string, string>;
    key?: string | null;
    body?: unknown;
    response?: unknown;
    fault?: true;
  } = {},
): JournalEntry {
  const key = options.key === undefined ? 'nox_test...(redacted)' : options.key;
  return {
    id: ++id,
    at: 1767225600,
    organisation_id: 'org_1',
    area: path.startsWith('/v1/') ? 'data' : 'auth',
    request: {
      method,
      path,
      query: options.query ?? {},
      headers: key === null ? {} : { 'x-api-key': key },
      body: options.body ?? null,
    },
    response: {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: options.response ?? null,
    },
    duration_ms: 1,
    ...(options.fault ? { fault: true as const } : {}),
  };
}

const linkRequest = {
  user_id: 'cust-1',
  redirect_url: 'http://127.0.0.1:40000/nox/callback',
  asset_type: 'hp',
  language: 'en',
};
const linkResponse = {
  link_url: 'http://localhost:4400/ui?token=abc&language=en',
  link_token: 'abc',
  supplier: 'Volt Energy',
  supplier_user_id: 'cust-1',
  redirect_url: linkRequest.redirect_url,
  language: 'en',
  brand: null,
  completed_at: null,
  created_at: 1767225600,
  expires_at: 1767226200,
};
const device = {
  model: 'daikin-c',
  brand: 'daikin',
  device_id: '01a5c222-5b76-4531-b587-5deeb81a3db3',
  user_id: '550e8400-e29b-41d4-a716-446655440000',
  device_type: 'heat_pump',
  model_type: 'air-to-water',
  has_delayed_power_data_1d: false,
  legionella_config: { frequency_per_weeks: 1, capacity: 20, duration_minutes: 60 },
  cycle_config: { max_cycles_per_day: 8 },
  steerable_status: {
    steering_enabled: false,
    steerable: true,
    DHW: {
      can_activate_action: false,
      in_active_action: false,
      reason: 'Steering is not enabled for this device.',
    },
    room: {
      can_activate_action: false,
      in_active_action: false,
      reason: 'Steering is not enabled for this device.',
    },
  },
  needs_reauthentication: false,
};
const noxUser = device.user_id;

/** The calls of a small green run: link creation, device read, settings change, and the two refusals. */
export function journalOfAGreenRun(): JournalEntry[] {
  return [
    entry('POST', '/v2/supplier/link-sessions', 201, { body: linkRequest, response: linkResponse }),
    entry('POST', '/v2/supplier/link-sessions', 503, {
      body: linkRequest,
      response: { error: 'Simulated NOX failure' },
      fault: true,
    }),
    entry('GET', '/v1/devices', 200, {
      query: { user_id: noxUser },
      response: {
        data: [device],
        meta: { energy_supplier: 'Volt Energy', capacity_unit: 'kWh', next_token: null },
      },
    }),
    entry('PATCH', '/v1/devices/settings', 204, {
      body: { user_id: noxUser, room: { preferred_temperature: 21.5 } },
    }),
    entry('POST', '/v2/supplier/link-sessions', 401, {
      key: 'wron...(redacted)',
      body: linkRequest,
      response: { error: 'Invalid API key: no organisation has this key.' },
    }),
    entry('POST', '/v2/supplier/link-sessions', 400, {
      body: { ...linkRequest, redirect_url: 'https://not-allowed.example/cb' },
      response: {
        error:
          'redirect_url https://not-allowed.example/cb is not one of the allowed redirect URLs of Volt Energy.',
      },
    }),
    entry('POST', '/v2/supplier/link-sessions', 400, {
      body: { redirect_url: linkRequest.redirect_url },
      response: { error: 'user_id is required and must be a string' },
    }),
  ];
}

function scenario(name: string, status: ScenarioResult['status'], journal: JournalEntry[]): ScenarioResult {
  return {
    id: name.replaceAll(' ', '-'),
    name,
    rule: 'r',
    severity: 'required',
    flow: 'supplier-app',
    tags: [],
    status,
    duration_ms: 1,
    attempts: 1,
    steps: [],
    journal,
  };
}

/** A green run whose journal holds every kind of call, and a skipped scenario whose calls must not count. */
export function greenRun(): RunResult {
  const journal = journalOfAGreenRun();
  return {
    supplier: 'Volt Energy',
    started_at: '2026-01-01T00:00:00.000Z',
    duration_ms: 1,
    strict: false,
    scenarios: [
      scenario('connects a heat pump', 'passed', journal.slice(0, 4)),
      scenario('handles NOX refusing the link', 'passed', journal.slice(4)),
      scenario('is skipped', 'skipped', [entry('DELETE', '/v1/users/x', 204)]),
    ],
    counts: { passed: 2, failed: 0, skipped: 1, requiredFailed: 0, advisoryFailed: 0 },
    exit_code: 0,
  };
}

/** A delivery attempt of the mock's webhook sender: the event POSTed to the supplier and its answer. */
function webhookAttempt(type: string, value: unknown, previous: unknown, status: number): JournalEntry {
  const webhookId = `evt_0123456789abcdef01234567:${type}`;
  return {
    ...entry('POST', 'http://127.0.0.1:40000/nox/webhooks', status),
    area: 'webhook',
    request: {
      method: 'POST',
      path: 'http://127.0.0.1:40000/nox/webhooks',
      query: {},
      headers: {
        'content-type': 'application/json',
        'x-webhook-id': webhookId,
        'x-webhook-timestamp': '1767225600',
        'x-webhook-signature': `sha256=${'ab'.repeat(32)}`,
      },
      body: {
        type,
        timestamp: '2026-01-01T00:00:00Z',
        id: 'evt_0123456789abcdef01234567',
        data: { value, previous_value: previous },
        metadata: {
          device_id: device.device_id,
          user_id: noxUser,
          external_user_id: 'cust-1',
          brand: 'Daikin',
          energy_supplier: 'Volt Energy',
        },
      },
    },
    response: { status, headers: {}, body: '' },
  };
}

const state = 'OW-K__HJ6N4Vid8l_RzttunKOSHBn9BqX_dPoBJCOKs';
const confirmed = {
  redirect_url: `http://127.0.0.1:4400/ui/supplier-return?state=${state}`,
  nox_user_id: noxUser,
  supplier_user_id: 'cust-1',
  brand: 'daikin',
  device_ids: [device.device_id],
  connected_at: 1767225600,
};

/** Flow 2: the supplier confirms its user (and replays the state for another), then NOX's webhooks. */
export function journalOfFlow2(): JournalEntry[] {
  const confirm = (userId: string, status: number, response: unknown) =>
    entry('POST', '/post-login-redirect', status, { body: { state, user_id: userId }, response });
  return [
    confirm('cust-1', 200, confirmed),
    confirm('cust-2', 409, { error: 'This state was already confirmed for user_id "cust-1".' }),
    webhookAttempt('device.settings.room.preferred_temperature.updated', 22.5, 21, 500),
    webhookAttempt('device.settings.room.preferred_temperature.updated', 22.5, 21, 204),
    webhookAttempt('device.settings.room.preferred_temperature.updated', 23, 22.5, 200),
    webhookAttempt('device.steerable_status.being_steered.updated', true, false, 200),
  ];
}

/** A green run of flow 2 only. */
export function flow2Run(): RunResult {
  return { ...greenRun(), scenarios: [scenario('links from the NOX web app', 'passed', journalOfFlow2())] };
}
