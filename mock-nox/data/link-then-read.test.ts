import { describe, expect, test } from 'vitest';
import { callbackQuery, decodeCallbackData, logIn } from '../../test/test-support/browser-steps.ts';
import { usePageFixture } from '../../test/test-support/page-fixture.ts';

describe("after linking through the pages, the data API has the user's data", () => {
  const f = usePageFixture();

  test("the devices the callback named are read back for the callback's NOX user id", async () => {
    const { page } = await f.openV2Link({ asset_type: 'hp' });
    await page.click('a[data-brand=vaillant]');
    await logIn(page, 'reader+devices3');
    const callback = decodeCallbackData((await callbackQuery(page, f.callbackUrl)).get('data'));
    const res = await fetch(`${f.mock.url}/v1/devices?user_id=${callback.nox_user_id}`, {
      headers: { 'x-api-key': 'api_key_123' },
    });
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body.data.map((d: { device_id: string }) => d.device_id).sort()).toEqual(
      [...callback.device_ids].sort(),
    );
    expect(
      body.data.every(
        (d: { brand: string; user_id: string }) =>
          d.brand === 'vaillant' && d.user_id === callback.nox_user_id,
      ),
    ).toBe(true);
    const settings = await fetch(`${f.mock.url}/v1/devices/settings?user_id=${callback.nox_user_id}`, {
      headers: { 'x-api-key': 'api_key_123' },
    });
    expect((await settings.json()).data).toHaveLength(3);
  });
});
