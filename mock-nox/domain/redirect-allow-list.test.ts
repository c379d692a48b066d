import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createTestMock, createV2Session } from '../../test/test-support/test-mock.ts';
import { isRedirectAllowedBy, isRedirectEntry } from './redirect-allow-list.ts';

const APP = 'com.example.app://oauth/callback';
const allowed = [APP, 'https://your-app.com/callback', 'http://127.0.0.1:*'];

/** Targets an attacker would try once one of `allowed` is on the list. */
const bypasses = [
  'evil://oauth/callback',
  'javascript://oauth/callback%0Aalert(1)',
  'file:///etc/passwd',
  'data://oauth/callback',
  'com.example.app://evil/callback',
  'com.example.app://oauth/other',
  'com.example.app://user@oauth/callback',
  'com.example.apps://oauth/callback',
  'https://your-app.com@evil.example/callback',
  'https://user:pw@your-app.com/callback',
  'https://your-app.com.evil.example/callback',
  'https://your-app.com:8443/callback',
  'http://your-app.com/callback',
  'https://your-app.com/callback/../admin',
  'https://your-app.com/callbackx',
  'https://evil.example/callback',
  'file://127.0.0.1/callback',
  'ws://127.0.0.1:3000/callback',
  'http://user@127.0.0.1:3000/callback',
  'not a url',
];

describe('the redirect allow-list', () => {
  test.each(bypasses)('refuses %s', (url) => {
    expect(isRedirectAllowedBy(allowed, url)).toBe(false);
  });

  test.each([APP, `${APP}?state=1`, 'https://your-app.com/callback?x=1', 'http://127.0.0.1:3000/anything'])(
    'allows %s',
    (url) => {
      expect(isRedirectAllowedBy(allowed, url)).toBe(true);
    },
  );

  test.each([
    'javascript:alert(1)',
    'data:text/html,hi',
    'file:///tmp/x',
    'https://user@your-app.com/cb',
    'https://your-app.com/cb#frag',
    'com.example.app:callback',
    'ws://localhost:*',
  ])('refuses the entry %s at organisation creation', (entry) => {
    expect(isRedirectEntry(entry)).toBe(false);
  });

  test('an app-scheme organisation gets redirects to its own callback only', async () => {
    const { app } = await createTestMock();
    const created = await request(app)
      .post('/__nox/organisations')
      .send({ kind: 'supplier', name: 'App Energy', redirect_urls: [APP] });
    expect(created.status).toBe(201);
    const ok = await createV2Session(app, { redirect_url: APP }, created.body.api_key);
    expect(ok.status).toBe(201);
    const evil = await createV2Session(app, { redirect_url: 'evil://oauth/callback' }, created.body.api_key);
    expect(evil.status).toBe(400);
    expect(evil.body.error).toContain('is not one of the allowed redirect URLs');
    const bad = await request(app)
      .post('/__nox/organisations')
      .send({ kind: 'supplier', name: 'Bad', redirect_urls: ['javascript:alert(1)'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('javascript:');
  });

  test('userinfo in redirect_url is refused even for the demo supplier', async () => {
    const { app } = await createTestMock();
    const res = await createV2Session(app, { redirect_url: 'https://your-app.com@evil.example/callback' });
    expect(res.status).toBe(400);
  });
});
