import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ServeProcess, spawnServe } from '../../test/test-support/spawn-serve.ts';

const run = promisify(execFile);
let mock: ServeProcess;
beforeAll(async () => {
  mock = await spawnServe(['--port', '0', '--in-memory']);
});
afterAll(() => {
  mock.child.kill('SIGKILL');
});

/** Runs a curl example exactly as docs.nox.energy prints it, with only the host (and key placeholder) changed. */
async function curl(example: string) {
  const command = example
    .replaceAll('https://auth.nox.energy', mock.url)
    .replaceAll('https://api.nox.energy', mock.url)
    .replaceAll('<api-key>', 'api_key_123');
  if (command.includes('nox.energy')) throw new Error(`the example still names a NOX host: ${command}`);
  const { stdout } = await run('sh', ['-c', command]);
  return JSON.parse(stdout);
}

describe('the curl examples of the NOX docs work against the mock with only the host changed', () => {
  test("energy supplier integration guide (v2): without asset_type, NOX's current page answers 400", async () => {
    const body = await curl(`curl --request POST \\
  --url https://auth.nox.energy/v2/supplier/link-sessions \\
  --header 'Content-Type: application/json' \\
  --header 'x-api-key: api_key_123' \\
  --data '{
  "user_id": "supplier_user_id_123",
  "redirect_url": "https://your-app.com/callback",
  "language": "en"
}'`);
    expect(body).toEqual({ error: 'asset_type is required and must be one of: hp, pv' });
  });

  test('the policy missing_asset_type: hp lets the older examples without asset_type through', async () => {
    const body = await curl(`curl -s -X PUT ${mock.url}/__nox/policies -H 'Content-Type: application/json' \\
  -d '{"organisation_id": "supplier_123", "missing_asset_type": "hp"}'`);
    expect(body.missing_asset_type).toBe('hp');
  });

  test('energy supplier integration guide (v2), under missing_asset_type: hp', async () => {
    const body = await curl(`curl --request POST \\
  --url https://auth.nox.energy/v2/supplier/link-sessions \\
  --header 'Content-Type: application/json' \\
  --header 'x-api-key: api_key_123' \\
  --data '{
  "user_id": "supplier_user_id_123",
  "redirect_url": "https://your-app.com/callback",
  "language": "en"
}'`);
    expect(body).toMatchObject({
      supplier_user_id: 'supplier_user_id_123',
      language: 'en',
      brand: null,
      completed_at: null,
    });
    expect(body.link_url).toContain('language=en');
  });

  test('create supplier link session reference (v2), under missing_asset_type: hp', async () => {
    const body = await curl(`curl --request POST \\
  --url https://auth.nox.energy/v2/supplier/link-sessions \\
  --header 'Content-Type: application/json' \\
  --header 'x-api-key: <api-key>' \\
  --data '
{
  "user_id": "supplier_user_id_123",
  "redirect_url": "https://your-app.com/callback",
  "language": "nl"
}
'`);
    expect(body).toMatchObject({
      supplier: 'Acme Energy',
      redirect_url: 'https://your-app.com/callback',
      language: 'nl',
    });
    expect(body.expires_at - body.created_at).toBe(600);
  });

  test('create supplier link session reference, older render with a spaced brand (v2), under missing_asset_type: hp', async () => {
    const body = await curl(`curl --request POST \\
  --url https://auth.nox.energy/v2/supplier/link-sessions \\
  --header 'Content-Type: application/json' \\
  --header 'x-api-key: <api-key>' \\
  --data '
{
  "user_id": "supplier_user_id_123",
  "redirect_url": "https://your-app.com/callback",
  "brand": "alpha innotec",
  "language": "nl"
}
'`);
    expect(body.brand).toBe('alpha innotec');
  });

  test('energy supplier integration guide, older version (v1, deprecated)', async () => {
    const body = await curl(`curl --request POST \\
  --url https://auth.nox.energy/users/supplier_user_id_123/link \\
  --header 'Content-Type: application/json' \\
  --header 'x-api-key: api_key_123' \\
  --data '{
  "redirect_uri": "https://your-app.com/callback",
  "language": "en"
}'`);
    expect(body).toMatchObject({
      success: true,
      data: { supplier_id: 'supplier_123', supplier_user_id: 'supplier_user_id_123' },
    });
  });

  test('connect user to NOX reference with the Authorization: ApiKey header (v1, deprecated)', async () => {
    const body = await curl(`curl --request POST \\
  --url https://auth.nox.energy/users/user_456/link \\
  --header 'Content-Type: application/json' \\
  --header 'Authorization: ApiKey api_key_123' \\
  --data '{
  "redirect_uri": "https://your-app.com/callback",
  "language": "en",
  "brand": "daikin"
}'`);
    expect(body.data).toMatchObject({ supplier_user_id: 'user_456', brand: 'daikin' });
  });

  test('get devices, get devices settings and get PV devices references (data API)', async () => {
    for (const path of ['/v1/devices', '/v1/devices/settings', '/v1/devices/pv']) {
      const body = await curl(`curl --request GET \\
  --url https://api.nox.energy${path} \\
  --header 'x-api-key: <api-key>'`);
      expect(body).toMatchObject({ data: [], meta: { energy_supplier: 'Acme Energy' } });
    }
  });
});
