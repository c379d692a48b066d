import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { createTestMock, DEMO_KEY } from '../../test/test-support/test-mock.ts';
import { createJournal } from './journal.ts';
import { TRUNCATED_MARKER } from './journal-limits.ts';

const entry = (body: unknown) => ({
  at: 0,
  organisation_id: null,
  area: 'auth' as const,
  request: { method: 'POST', path: '/x', query: {}, headers: {}, body },
  response: { status: 200, headers: {}, body: null },
  duration_ms: 0,
});

describe('journal bounds', () => {
  test('drops the oldest entries beyond its byte cap as well as its count', () => {
    const journal = createJournal(10_000, 10_000);
    for (let i = 0; i < 20; i++) journal.record(entry('x'.repeat(1000)));
    const kept = journal.list();
    expect(kept.length).toBeLessThan(11);
    expect(kept.at(-1)?.id).toBe(20);
  });

  test('keeps a large body as a marker with its size, and reads of the journal still answer', async () => {
    const { app } = await createTestMock();
    await request(app)
      .post('/v2/supplier/link-sessions')
      .set('x-api-key', DEMO_KEY)
      .send({ user_id: 'u', redirect_url: 'https://your-app.com/callback', pad: 'x'.repeat(800_000) });
    const res = await request(app).get('/__nox/journal');
    expect(res.status).toBe(200);
    const [sent] = res.body.entries;
    expect(sent.request.body).toMatchObject({ '[nox-testkit]': TRUNCATED_MARKER, bytes: expect.any(Number) });
  });

  test('redacts x-api-key and Authorization', async () => {
    const { app } = await createTestMock();
    await request(app).post('/users/u/link').set('authorization', 'ApiKey api_key_123').send({});
    const [sent] = (await request(app).get('/__nox/journal')).body.entries;
    expect(sent.request.headers.authorization).toBe('ApiKey a...(redacted)');
    expect(JSON.stringify(sent)).not.toContain('api_key_123');
  });
});
