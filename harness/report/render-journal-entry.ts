import { html, type SafeHtml } from '../../common/html.ts';
import type { JournalEntry } from '../../openapi/wire-types.ts';

// A report stays readable (and small) even when a supplier posts something huge.
const maxBodyChars = 20_000;

/** One call the supplier made to NOX, collapsed to its request line and status. */
export function renderJournalEntry(entry: JournalEntry): SafeHtml {
  const { request, response } = entry;
  const query = new URLSearchParams(
    Object.entries(request.query).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  ).toString();
  const statusClass = `http s${String(response.status).charAt(0)}xx`;
  return html`<details class="call">
<summary><span class="method">${request.method}</span> <code class="path">${request.path}${query && `?${query}`}</code> <span class="${statusClass}">${response.status}</span> <span class="muted">${entry.area} · ${entry.duration_ms} ms · <time title="NOX's virtual clock">${clockTime(entry.at)}</time></span></summary>
<div class="call-body">
<div><h4>Request</h4>${headers(request.headers)}<pre>${prettyBody(request.body)}</pre></div>
<div><h4>Response ${response.status}</h4>${headers(response.headers)}<pre>${prettyBody(response.body)}</pre></div>
</div>
</details>`;
}

function headers(all: Record<string, string>): SafeHtml {
  const lines = Object.entries(all).map(([name, value]) => `${name}: ${value}`);
  return html`<details class="headers"><summary>${lines.length} headers</summary><pre>${lines.join('\n')}</pre></details>`;
}

/** A body as JSON pretty-printed, text as it is, cut short past 20,000 characters. */
export function prettyBody(body: unknown): string {
  if (body === null || body === undefined || body === '') return '(no body)';
  const text = typeof body === 'string' ? body : JSON.stringify(body, null, 2);
  return text.length <= maxBodyChars
    ? text
    : `${text.slice(0, maxBodyChars)}\n… (${text.length - maxBodyChars} more characters)`;
}

function clockTime(unixSeconds: number): string {
  const date = new Date(unixSeconds * 1000);
  return Number.isNaN(date.getTime()) ? String(unixSeconds) : date.toISOString().replace('.000Z', 'Z');
}
