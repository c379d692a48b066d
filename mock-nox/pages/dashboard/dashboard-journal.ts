/**
 * The journal view of the dashboard script: the organisation's calls newest first, filtered by area, status
 * and text; a call opens to its whole exchange, with its validation problems and warnings in words.
 */
export const dashboardJournal = String.raw`
const searchText = new WeakMap();
function matchesFilters(entry) {
  const { area, status, text } = ui.filters;
  if (area && entry.area !== area) return false;
  const code = entry.response.status;
  if (status === 'errors' ? code > 0 && code < 400 : status && String(code)[0] !== status) return false;
  if (!text) return true;
  if (!searchText.has(entry)) searchText.set(entry, JSON.stringify(entry).toLowerCase());
  return searchText.get(entry).includes(text.toLowerCase());
}

/** What was wrong with a call and what the mock warned about, as sentences. */
function wordsOf(entry) {
  const problems = [];
  const warnings = [];
  const { status, body, headers } = entry.response;
  if (!status || status >= 400) {
    if (body && Array.isArray(body.detail))
      for (const d of body.detail) problems.push((Array.isArray(d.loc) ? d.loc.join(' → ') + ': ' : '') + d.msg);
    else if (body && typeof body.detail === 'string') problems.push(body.detail);
    else if (body && typeof body.error === 'string') problems.push(body.error + (body.error_description ? ' (' + body.error_description + ')' : ''));
    else if (entry.area === 'webhook') problems.push('The receiver answered ' + status + (status >= 400 && status < 500 ? ': NOX gives up on a 4xx.' : ': NOX retries it on its schedule.'));
    else problems.push(status ? 'Answered ' + status + '.' : 'No answer came.');
  }
  const warning = headers['x-nox-testkit-warning'];
  if (warning) warnings.push(...warning.split('; '));
  if (entry.fault) warnings.push("A simulated fault (PUT /__nox/faults) shaped this answer, not NOX's own behaviour.");
  return { problems, warnings };
}

function requestLine(entry) {
  return entry.request.method + ' ' + entry.request.path + query(entry.request.query || {});
}

function exchangeOf(entry, words) {
  const { request, response } = entry;
  const hasBody = (b) => b !== undefined && b !== null && b !== '';
  return [
    words.problems.length || words.warnings.length
      ? h('ul', { class: 'words' },
          words.problems.map((p) => h('li', { class: 'said-problem' }, p)),
          words.warnings.map((w) => h('li', { class: 'said-warning' }, 'Warning: ' + w)))
      : null,
    h('div', { class: 'exchange' },
      h('div', {}, h('h3', {}, 'Request'), h('pre', {}, requestLine(entry) + '\n' + headerLines(request.headers)),
        hasBody(request.body) ? h('pre', { class: 'request-body' }, pretty(request.body)) : null),
      h('div', {}, h('h3', {}, 'Response ' + (response.status || '(none)')), h('pre', {}, headerLines(response.headers)),
        hasBody(response.body) ? h('pre', { class: 'response-body' }, pretty(response.body)) : null)),
    h('p', { class: 'muted small' }, 'At ' + iso(entry.at) + " on the organisation's clock · " + entry.duration_ms + ' ms · journal entry ' + entry.id),
  ];
}

function journalRow(entry) {
  const id = 'journal-' + entry.id;
  const words = wordsOf(entry);
  const body = h('div', {});
  const build = () => body.firstChild || fill(body, exchangeOf(entry, words));
  const row = h('details', { 'data-entry': entry.id, 'data-status': entry.response.status, open: ui.open.has(id),
    ontoggle: () => (row.open ? (ui.open.add(id), build()) : ui.open.delete(id)) },
    h('summary', {},
      h('span', { class: 'mono' }, clockTime(entry.at)),
      h('b', { class: 'mono' }, entry.request.method),
      h('span', { class: 'path', title: requestLine(entry) }, entry.request.path + query(entry.request.query || {})),
      statusPill(entry.response.status),
      h('span', { class: 'muted' }, entry.duration_ms + ' ms'),
      h('span', { class: 'inline' }, pill(entry.area),
        entry.fault ? pill('fault', 'warn') : null,
        words.warnings.length ? pill('warning', 'warn') : null,
        words.problems.length ? pill(words.problems.length === 1 ? '1 problem' : words.problems.length + ' problems', 'bad') : null)),
    body);
  if (ui.open.has(id)) build();
  return row;
}

function renderJournal(force) {
  const list = $('journal-list');
  if (!list) return;
  const j = ui.journal;
  const key = j.org + ':' + j.version + ':' + JSON.stringify(ui.filters);
  if (!force && list.dataset.key === key) return;
  list.dataset.key = key;
  const shown = j.entries.filter(matchesFilters).reverse();
  $('journal-count').textContent = shown.length + ' of ' + j.entries.length + ' calls, newest first' + (shown.length > 500 ? ' (the newest 500 shown)' : '');
  fill(list, shown.length
    ? shown.slice(0, 500).map(journalRow)
    : h('p', { class: 'empty' }, j.entries.length ? 'No call matches these filters.' : 'No call yet: point your app at this mock and make one.'));
}

function choice(options, value, onchange, label) {
  return h('select', { 'aria-label': label, onchange: (e) => onchange(e.target.value) },
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
}

const journalView = {
  mount(root) {
    const f = ui.filters;
    const set = (name) => (value) => { f[name] = value; renderJournal(true); };
    root.append(
      h('div', { class: 'toolbar' },
        h('label', {}, 'Area', choice([['', 'every area'], ['auth', 'auth'], ['data', 'data'], ['page', 'page'], ['webhook', 'webhook (out)']], f.area, set('area'), 'Area')),
        h('label', {}, 'Status', choice([['', 'every status'], ['2', '2xx'], ['3', '3xx'], ['4', '4xx'], ['5', '5xx'], ['errors', 'errors only']], f.status, set('status'), 'Status')),
        h('label', {}, 'Text', h('input', { type: 'search', id: 'journal-text', value: f.text, placeholder: 'path, body, header…', oninput: (e) => set('text')(e.target.value) }))),
      h('p', { id: 'journal-count', class: 'muted' }),
      h('div', { id: 'journal-list', class: 'journal' }),
      h('p', { class: 'muted small' }, "Live: new calls appear as they are made. The control API's own calls (this dashboard's too) are not journaled."));
  },
  update() {
    renderJournal(false);
  },
};
`;
