import request from 'supertest';
import { beforeEach, describe, expect, test } from 'vitest';
import { CALLBACK, createTestMock, DEMO_KEY } from '../../../test/test-support/test-mock.ts';
import { appTextsFor } from '../../pages/kit/app-texts.ts';
import { fill } from '../../pages/kit/texts.ts';
import type { Language } from '../../store/schema.ts';
import { type FailureCode, failureDescription, failureDescriptions } from './failure-descriptions.ts';

// Every failure code NOX sends back, on every entry path, in every language: the manufacturer's callback
// after a refusal at the supplier says so, and flow 1's texts stay those of a login at the manufacturer.
const MFR_KEY = 'mfr_api_key_123';
const MFR_CALLBACK = 'https://manufacturer-app.com/callback';
const languages: Language[] = ['nl', 'en', 'fr', 'es'];
let mock: Awaited<ReturnType<typeof createTestMock>>;
let supplier: { id: string; api_key: string; name: string };
let users = 0;

beforeEach(async () => {
  mock = await createTestMock();
  const org = await request(mock.app)
    .post('/__nox/organisations')
    .send({ kind: 'supplier', name: 'Flow Energy', oauth_login_url: 'https://flow.example/oauth' });
  supplier = org.body;
});

const control = (method: 'post' | 'put', path: string, body: object) =>
  request(mock.app)[method](`/__nox${path}`).send(body);
const advance = (seconds: number) => control('post', '/clock/advance', { seconds });
const errorOf = (url: string | null | undefined) => {
  const query = new URL(url ?? 'http://none/').searchParams;
  return { error: query.get('error'), error_description: query.get('error_description') };
};

/** Flow 1: a link session (v2, or the deprecated v1) in `language`, ended with `code` through the control API. */
async function flow1(version: 'v2' | 'v1', language: Language, code: FailureCode) {
  const user = `user_${++users}`;
  const create = async () => {
    if (version === 'v2') {
      const res = await request(mock.app)
        .post('/v2/supplier/link-sessions')
        .set('x-api-key', DEMO_KEY)
        .send({ user_id: user, redirect_url: CALLBACK, asset_type: 'hp', language });
      return res.body.link_token as string;
    }
    const res = await request(mock.app)
      .post(`/users/${user}/link`)
      .set('x-api-key', DEMO_KEY)
      .send({ redirect_uri: CALLBACK, language });
    return new URL(res.body.data.link_url).searchParams.get('token') ?? '';
  };
  const complete = (token: string, body: object) => control('post', `/link-sessions/${token}/complete`, body);
  const login = { brand: 'daikin', username: `acct-${users}` };
  if (code === 'duplicate_connection') {
    await control('put', '/policies', { organisation_id: 'supplier_123', same_supplier_user: 'reject' });
    await complete(await create(), login);
    return (await complete(await create(), { brand: 'daikin', username: `other-${users}` })).body;
  }
  if (code === 'brand_unavailable')
    await control('put', '/faults', { organisation_id: 'supplier_123', brand_outages: ['daikin'] });
  const token = await create();
  if (code === 'session_expired') await advance(901);
  if (code === 'session_consumed') await complete(token, login);
  const input =
    code === 'access_denied'
      ? { cancel: true }
      : code === 'no_devices'
        ? { ...login, username: `acct-${users}+nodevices` }
        : login;
  const done = (await complete(token, input)).body;
  await control('put', '/faults', { organisation_id: 'supplier_123', brand_outages: [] });
  return done;
}

const flow1Codes: FailureCode[] = [
  'access_denied',
  'no_devices',
  'brand_unavailable',
  'session_expired',
  'session_consumed',
  'duplicate_connection',
];

describe("flow 1's failure redirects", () => {
  for (const version of ['v2', 'v1'] as const)
    test.each(languages)(
      `${version}: every code's error_description is in the session's language (%s)`,
      async (language) => {
        for (const code of flow1Codes) {
          const done = await flow1(version, language, code);
          expect(errorOf(done.redirect_url), `${code} in ${language}`).toEqual({
            error: code,
            error_description: failureDescriptions[language][code],
          });
        }
      },
    );

  test('a cancel there is a cancel at the manufacturer', async () => {
    const done = await flow1('v2', 'en', 'access_denied');
    expect(errorOf(done.redirect_url).error_description).toBe(
      'The user cancelled the login at the manufacturer.',
    );
  });
});

/** A manufacturer's link session in `language`: the v2 one, or the deprecated POST /manufacturers/suppliers. */
async function manufacturerLink(entry: 'v2' | 'deprecated', language: Language, userTags = '') {
  const user = `mfr-user-${++users}${userTags}`;
  if (entry === 'v2') {
    const res = await request(mock.app)
      .post('/v2/manufacturer/link-sessions')
      .set('x-api-key', MFR_KEY)
      .send({ user_id: user, redirect_url: MFR_CALLBACK, language });
    return res.body.link_token as string;
  }
  const res = await request(mock.app)
    .post('/manufacturers/suppliers')
    .set('x-api-key', MFR_KEY)
    .send({ manufacturer_user_id: user, redirect_url: MFR_CALLBACK, language });
  return new URL(res.body.data.link_url).searchParams.get('token') ?? '';
}

const choose = (token: string) =>
  control('post', `/manufacturer-link-sessions/${token}/choose-supplier`, {
    supplier_organisation_id: supplier.id,
  });
/** The browser back at NOX from the supplier's page: GET /ui/supplier-return, as its redirect_uri. */
const supplierReturn = (state: string, error?: string) =>
  request(mock.app)
    .get('/ui/supplier-return')
    .query({ state, ...(error ? { error } : {}) });

/** Flow 2 from a manufacturer's app, ended with `code`: the manufacturer's callback URL. */
async function flow2(entry: 'v2' | 'deprecated', language: Language, code: FailureCode) {
  if (code === 'no_devices')
    return (await choose(await manufacturerLink(entry, language, '+nodevices'))).body.redirect_url;
  if (code === 'brand_unavailable') {
    await control('put', '/faults', { organisation_id: supplier.id, brand_outages: ['daikin'] });
    return (await choose(await manufacturerLink(entry, language))).body.redirect_url;
  }
  const { state } = (await choose(await manufacturerLink(entry, language))).body;
  if (code === 'session_expired') await advance(901);
  if (code === 'session_consumed') await supplierReturn(state, 'access_denied');
  const back = await supplierReturn(state, code === 'access_denied' ? 'access_denied' : undefined);
  expect(back.status).toBe(302);
  return back.headers.location as string;
}

const flow2Codes: FailureCode[] = [
  'access_denied',
  'supplier_not_confirmed',
  'session_expired',
  'session_consumed',
  'no_devices',
  'brand_unavailable',
];

/** The refusal at the supplier, as each language says it. */
const refusedAtSupplier: Record<Language, string> = {
  en: "The user refused the energy supplier's terms or cancelled the login at the energy supplier.",
  nl: 'De gebruiker heeft de voorwaarden van de energieleverancier geweigerd of het inloggen bij de energieleverancier geannuleerd.',
  fr: "L'utilisateur a refusé les conditions du fournisseur d'énergie ou annulé la connexion chez le fournisseur d'énergie.",
  es: 'El usuario rechazó las condiciones del proveedor de energía o canceló el inicio de sesión en el proveedor de energía.',
};

describe("the manufacturer's callback in flow 2", () => {
  for (const entry of ['v2', 'deprecated'] as const) {
    test.each(languages)(
      `${entry}: a refusal at the supplier says so, in the session's language (%s)`,
      async (language) => {
        const url = await flow2(entry, language, 'access_denied');
        expect(errorOf(url)).toEqual({
          error: 'access_denied',
          error_description: refusedAtSupplier[language],
        });
        expect(refusedAtSupplier[language]).not.toBe(failureDescriptions[language].access_denied);
      },
    );

    test.each(languages)(
      `${entry}: every code's error_description is in the session's language (%s)`,
      async (language) => {
        for (const code of flow2Codes) {
          const url = await flow2(entry, language, code);
          expect(errorOf(url), `${code} in ${language}`).toEqual({
            error: code,
            error_description: failureDescription(code, language, 'manufacturer'),
          });
        }
      },
    );
  }
});

const decodeEntities = (text: string) =>
  text
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe("NOX's web app: its own return page", () => {
  test.each(languages)(
    "a refusal, an unconfirmed login and an expiry each show the app's text (%s)",
    async (language) => {
      const start = () =>
        control('post', '/web-app/connections', {
          brand: 'daikin',
          supplier_organisation_id: supplier.id,
          username: `web-${++users}`,
          language,
        });
      const cases: [FailureCode, (state: string) => Promise<request.Response>][] = [
        ['access_denied', (state) => supplierReturn(state, 'access_denied')],
        ['supplier_not_confirmed', (state) => supplierReturn(state)],
        [
          'session_expired',
          async (state) => {
            await advance(901);
            return supplierReturn(state);
          },
        ],
      ];
      for (const [code, end] of cases) {
        const page = await end((await start()).body.state);
        expect(page.status).toBe(200);
        const shown = /<p id="error-description">([^<]*)<\/p>/.exec(page.text)?.[1] ?? '';
        const expected = fill(appTextsFor(language).failures[code], { supplier: supplier.name });
        expect(decodeEntities(shown), `${code} in ${language}`).toBe(expected);
        expect(page.text).toContain(`lang="${language}"`);
      }
    },
  );
});
