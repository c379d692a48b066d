import { describe, expect, test } from 'vitest';
import { controlApiLine, dashboardLine } from './control-exposure.ts';

const url = 'http://127.0.0.1:4400';

describe("the banner's control API and dashboard lines", () => {
  test('on loopback both are open; the dashboard is at /__nox/ui', () => {
    expect(controlApiLine(url, '127.0.0.1', undefined)).toContain('loopback only');
    expect(dashboardLine(url, '127.0.0.1', undefined)).toMatch(
      /^Dashboard {11}http:\/\/127\.0\.0\.1:4400\/__nox\/ui /,
    );
  });

  test('with an admin token the dashboard says it asks for it', () => {
    expect(dashboardLine(url, '0.0.0.0', 's3cret')).toContain('asks for the admin token once per tab');
  });

  test('beyond loopback without a token the dashboard is shut with the control API', () => {
    expect(controlApiLine(url, '0.0.0.0', undefined)).toContain('shut');
    expect(dashboardLine(url, '0.0.0.0', undefined)).toBe('Dashboard           shut with the control API');
  });
});
