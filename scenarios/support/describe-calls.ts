import type { JournalEntry } from '../../harness/index.ts';

/** Calls as a short list for a failure message, e.g. "GET /v1/devices?user_id=u1 → 200". */
export function describeCalls(entries: JournalEntry[]): string {
  if (entries.length === 0) return 'none';
  return entries
    .map((e) => {
      const query = new URLSearchParams(e.request.query as Record<string, string>).toString();
      return `${e.request.method} ${e.request.path}${query ? `?${query}` : ''} → ${e.response.status}`;
    })
    .join('; ');
}
