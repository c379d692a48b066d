import { describe, expect, test } from 'vitest';
import { readSupplierConfig } from './supplier-config.ts';

const env = {
  NOX_AUTH_URL: 'http://127.0.0.1:4400/',
  NOX_API_URL: 'http://127.0.0.1:4400',
  NOX_API_KEY: 'k',
};

describe('reading the environment', () => {
  test('applies the defaults and drops a trailing slash', () => {
    expect(readSupplierConfig(env)).toEqual({
      noxAuthUrl: 'http://127.0.0.1:4400',
      noxApiUrl: 'http://127.0.0.1:4400',
      noxApiKey: 'k',
      host: '127.0.0.1',
      port: 3000,
      publicUrl: undefined,
      flaw: null,
      noxTimeoutMs: 10_000,
      devicePageSize: undefined,
      postRetryDelaysMs: [300, 1000, 2000],
    });
  });

  test("reads NOX_DEVICE_PAGE_SIZE and refuses one outside NOX's 1-4000", () => {
    expect(readSupplierConfig({ ...env, NOX_DEVICE_PAGE_SIZE: '2' }).devicePageSize).toBe(2);
    expect(() => readSupplierConfig({ ...env, NOX_DEVICE_PAGE_SIZE: '0' })).toThrow(
      'NOX_DEVICE_PAGE_SIZE is "0": expected a whole number 1-4000',
    );
  });

  test('reads PORT, HOST, PUBLIC_URL and SUPPLIER_FLAW', () => {
    const config = readSupplierConfig({
      ...env,
      PORT: '0',
      HOST: '0.0.0.0',
      PUBLIC_URL: 'https://energy.example/',
      SUPPLIER_FLAW: 'skip-device-fetch',
    });
    expect(config).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      publicUrl: 'https://energy.example',
      flaw: 'skip-device-fetch',
    });
  });

  test.each(['NOX_AUTH_URL', 'NOX_API_URL', 'NOX_API_KEY'])('names %s when it is missing', (name) => {
    expect(() => readSupplierConfig({ ...env, [name]: '' })).toThrow(new RegExp(`^${name} is not set: `));
  });

  test('refuses a base URL that is not http(s)', () => {
    expect(() => readSupplierConfig({ ...env, NOX_API_URL: 'api.nox.energy' })).toThrow(
      'NOX_API_URL is "api.nox.energy": the base URL of the NOX data API',
    );
  });

  test('refuses a PORT that is not a port number', () => {
    expect(() => readSupplierConfig({ ...env, PORT: '80a' })).toThrow(
      'PORT is "80a": expected a port number 0-65535',
    );
  });

  test('lists the valid flaws for an unknown SUPPLIER_FLAW', () => {
    expect(() => readSupplierConfig({ ...env, SUPPLIER_FLAW: 'typo' })).toThrow(
      'SUPPLIER_FLAW is "typo": expected one of trust-callback-user, ignore-callback-errors, omit-asset-type, ' +
        'skip-device-fetch, fetch-all-devices, wrong-redirect-url, no-error-page, post-other-customer, ',
    );
    expect(() => readSupplierConfig({ ...env, SUPPLIER_FLAW: 'typo' })).toThrow(
      'hide-settings-errors, drop-link-on-device-read-error (or unset).',
    );
  });
});
