import { describe, expect, test } from 'vitest';
import { createJournal, type LazyEntry } from './journal.ts';

const lazy = (n: number): LazyEntry => ({
  organisation_id: n % 2 === 0 ? 'org_even' : null,
  area: 'auth',
  bytes: 600,
  read: () => ({
    at: n,
    organisation_id: n % 2 === 0 ? 'org_even' : null,
    area: 'auth',
    request: { method: 'POST', path: `/x/${n}`, query: {}, headers: {}, body: { n } },
    response: { status: 201, headers: {}, body: null },
    duration_ms: 0,
  }),
});

describe('the journal', () => {
  test('a full journal keeps exactly the newest entries, in order, however many were recorded', () => {
    const journal = createJournal(1000);
    for (let n = 1; n <= 5000; n++) journal.record(lazy(n));
    const kept = journal.list({ limit: 5000 });
    expect(kept).toHaveLength(1000);
    expect(kept[0]?.id).toBe(4001);
    expect(kept.at(-1)).toMatchObject({ id: 5000, request: { path: '/x/5000', body: { n: 5000 } } });
  });

  test('an entry recorded lazily reads the same each time, and filters by organisation before it is built', () => {
    const journal = createJournal();
    for (let n = 1; n <= 4; n++) journal.record(lazy(n));
    const first = journal.list({ organisation_id: 'org_even' });
    expect(first.map((e) => e.id)).toEqual([2, 4]);
    expect(journal.list({ organisation_id: 'org_even' })).toEqual(first);
    expect(journal.list({ after_id: 3 }).map((e) => e.request.path)).toEqual(['/x/4']);
  });

  test('clearing one organisation keeps the others, and later entries still come in', () => {
    const journal = createJournal(1000);
    for (let n = 1; n <= 1500; n++) journal.record(lazy(n));
    journal.clear('org_even');
    journal.record(lazy(1501));
    const kept = journal.list({ limit: 5000 });
    expect(kept.every((e) => e.organisation_id === null)).toBe(true);
    expect(kept.at(-1)?.id).toBe(1501);
  });
});
