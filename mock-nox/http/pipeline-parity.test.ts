import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { beforeAll, describe, expect, test } from 'vitest';
import { createTestMock, createV2Session, DEMO_KEY } from '../../test/test-support/test-mock.ts';

// Every surface runs on the one pipeline (pipeline.ts): the same request is refused at the same stage, with
// the same status and message, on NOX's auth and data APIs, the control API and the hosted pages, each in
// its own shape ({error}, FastAPI's {detail}, a page). The journal keeps what reached it, the control API's
// calls aside.

type Mock = Awaited<ReturnType<typeof createTestMock>>;
let mock: Mock;
let token: string;
beforeAll(async () => {
  mock = await createTestMock();
  token = (await createV2Session(mock.app)).body.link_token;
});

interface Surface {
  area: 'auth' | 'data' | 'control' | 'page';
  method: 'post' | 'patch';
  path: () => string;
  /** A body the route takes (its answer is compared with the same body gzipped). */
  good: Record<string, unknown>;
  /** The methods of the path, as the 405's Allow gives them. */
  allow: string;
}

const surfaces: Surface[] = [
  {
    area: 'auth',
    method: 'post',
    path: () => '/v2/supplier/link-sessions',
    good: { user_id: 'u1', redirect_url: 'https://your-app.com/callback', asset_type: 'hp' },
    allow: 'POST',
  },
  {
    area: 'data',
    method: 'patch',
    path: () => '/v1/devices/settings',
    good: { user_id: 'nobody', device_id: 'none', min_temperature: 19 },
    allow: 'GET, PATCH',
  },
  {
    area: 'control',
    method: 'post',
    path: () => '/__nox/organisations',
    good: { name: 'Z', kind: 'supplier' },
    allow: 'GET, POST',
  },
  {
    area: 'page',
    method: 'post',
    path: () => `/ui/login/daikin?token=${token}`,
    good: { username: 'someone@example.com', password: 'pw' },
    allow: 'POST, GET',
  },
];

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** The message of an error answer, in whichever shape its surface answers. */
function messageOf(area: Surface['area'], res: request.Response): string {
  if (area === 'page') {
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    return res.text;
  }
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  if (area !== 'data') return res.body.error;
  const { detail } = res.body;
  return typeof detail === 'string' ? detail : detail[0].msg;
}

/** Expects the message in the answer: as it is in JSON, escaped in a page. */
function expectMessage(area: Surface['area'], res: request.Response, message: string) {
  const text = messageOf(area, res);
  expect(text, area).toContain(
    area === 'page' ? message.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c) : message,
  );
}

const journalLength = async () =>
  (await request(mock.app).get('/__nox/journal?limit=500')).body.entries.length;

/** Sends the bytes as they are, with the demo key (so a fault applies), and says whether the journal grew. */
async function send(
  surface: Surface,
  type: string,
  bytes: string | Buffer,
  headers: Record<string, string> = {},
) {
  const before = await journalLength();
  let req = request(mock.app)
    [surface.method](surface.path())
    .set('x-api-key', DEMO_KEY)
    .set('content-type', type);
  for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
  const res = await req.serialize((b: unknown) => b as string).send(bytes);
  return { res, journalled: (await journalLength()) > before };
}

const deep = `${'['.repeat(40)}${']'.repeat(40)}`;
const oversized = JSON.stringify({ a: 'x'.repeat(1024 * 1024) });

describe.each(surfaces)('the $area surface', (surface) => {
  const { area } = surface;
  const journals = area !== 'control';

  test('refuses broken JSON before the journal, with the parser’s message', async () => {
    const { res, journalled } = await send(surface, 'application/json', '{"user_id":');
    expect(res.status).toBe(area === 'data' ? 422 : 400);
    if (area === 'data') expect(res.body.detail[0]).toMatchObject({ loc: ['body'], type: 'json_invalid' });
    expectMessage(area, res, 'The request body is not valid JSON (Unexpected end of JSON input)');
    expect(journalled).toBe(false);
  });

  test('refuses a body over 1 MB with a 413, before the journal', async () => {
    const { res, journalled } = await send(surface, 'application/json', oversized);
    expect(res.status).toBe(413);
    expectMessage(area, res, 'The request body is too large (limit 1 MB).');
    expect(journalled).toBe(false);
  });

  test('refuses a charset other than UTF-8 with a 415', async () => {
    const { res } = await send(surface, 'application/json; charset=latin1', JSON.stringify(surface.good));
    expect(res.status).toBe(415);
    expectMessage(area, res, 'unsupported charset "LATIN1"');
  });

  test('refuses a body nested deeper than 32 levels, journalled as any call', async () => {
    const { res, journalled } = await send(surface, 'application/json', deep);
    expect(res.status).toBe(area === 'data' ? 422 : 400);
    expectMessage(area, res, 'The request body nests deeper than 32 levels');
    expect(journalled).toBe(journals);
  });

  test('answers a gzip body as the same body sent plain', async () => {
    const plain = await send(surface, 'application/json', JSON.stringify(surface.good));
    const gzip = await send(surface, 'application/json', gzipSync(JSON.stringify(surface.good)), {
      'content-encoding': 'gzip',
    });
    expect(gzip.res.status).toBe(plain.res.status);
    expect(gzip.res.headers['content-type']).toBe(plain.res.headers['content-type']);
    expect(gzip.journalled).toBe(journals);
  });

  test('answers a wrong method with a 405 and the path’s methods in Allow, journalled', async () => {
    const before = await journalLength();
    const res = await request(mock.app).put(surface.path()).set('x-api-key', DEMO_KEY);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe(surface.allow);
    const path = surface.path().split('?')[0] as string;
    expectMessage(area, res, area === 'data' ? 'Method Not Allowed' : `${path} does not take PUT`);
    expect((await journalLength()) > before).toBe(journals);
  });

  test('answers a path with no route with a 404, journalled', async () => {
    const path = `${surface.path().split('?')[0]}/nope`;
    const before = await journalLength();
    const res = await request(mock.app).get(path).set('x-api-key', DEMO_KEY);
    expect(res.status).toBe(404);
    expectMessage(area, res, `No NOX endpoint GET ${path}.`);
    expect((await journalLength()) > before).toBe(journals);
  });

  test(
    journals ? 'answers a fault set on the route in its shape, journalled as a fault' : 'is never faulted',
    async () => {
      const path = surface.path().split('?')[0] as string;
      const method = surface.method.toUpperCase();
      const set = await request(mock.app)
        .put('/__nox/faults')
        .send({ organisation_id: 'supplier_123', routes: [{ method, path, status: 503, times: 1 }] });
      expect(set.status).toBe(200);
      const { res } = await send(surface, 'application/json', JSON.stringify(surface.good));
      if (!journals) {
        expect(res.status).toBe(201);
        await request(mock.app).put('/__nox/faults').send({ organisation_id: 'supplier_123', routes: [] });
        return;
      }
      expect(res.status).toBe(503);
      expectMessage(area, res, `Simulated NOX failure (a nox-testkit fault on ${method} ${path}): 503.`);
      const [entry] = (
        await request(mock.app).get(`/__nox/journal?area=${area}&limit=500`)
      ).body.entries.slice(-1);
      expect(entry).toMatchObject({ fault: true, request: { method, path }, response: { status: 503 } });
    },
  );
});

test('every surface gives the same stage the same status', async () => {
  // One table of what each surface answered above, read again side by side (data's 422s are FastAPI's).
  const statuses = await Promise.all(
    surfaces.map(async (surface) => [
      (await send(surface, 'application/json', '{')).res.status,
      (await send(surface, 'application/json', oversized)).res.status,
      (await send(surface, 'application/json; charset=latin1', '{}')).res.status,
      (await send(surface, 'application/json', deep)).res.status,
    ]),
  );
  expect(statuses).toEqual([
    [400, 413, 415, 400],
    [422, 413, 415, 422],
    [400, 413, 415, 400],
    [400, 413, 415, 400],
  ]);
});
