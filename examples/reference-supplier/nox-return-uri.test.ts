import { describe, expect, test } from 'vitest';
import { isNoxReturnUri } from './nox-return-uri.ts';
import type { SupplierConfig } from './supplier-config.ts';

const config = (noxAuthUrl: string) => ({ noxAuthUrl }) as SupplierConfig;

describe("recognising NOX's return page (the only place a refusal is sent to)", () => {
  test.each([
    ['https://auth.nox.energy', 'https://auth.nox.energy/ui/supplier-return', true],
    ['https://auth.nox.energy', 'https://auth.nox.energy/ui/supplier-return?x=1', true],
    ['https://auth.nox.energy', 'https://auth.nox.energy/elsewhere', false],
    ['https://auth.nox.energy', 'https://evil.example/ui/supplier-return', false],
    ['https://auth.nox.energy', 'http://auth.nox.energy/ui/supplier-return', false],
    ['https://auth.nox.energy', 'https://auth.nox.energy.evil.example/ui/supplier-return', false],
    ['https://auth.nox.energy', 'not a url', false],
    // A local mock: the app may reach it as localhost while the browser uses 127.0.0.1.
    ['http://localhost:4400', 'http://127.0.0.1:4400/ui/supplier-return', true],
    ['http://localhost:4400', 'http://127.0.0.1:4401/ui/supplier-return', false],
  ])('NOX at %s: %s is %s', (auth, uri, expected) => {
    expect(isNoxReturnUri(config(auth), uri)).toBe(expected);
  });
});
