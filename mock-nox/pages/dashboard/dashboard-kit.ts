/**
 * The dashboard script's toolbox: building elements (text always through text nodes, never markup), the
 * control API client (the admin token from sessionStorage, asked for on a Bearer challenge), formats.
 * Plain browser JavaScript, concatenated with the views into one script (dashboard-script.ts).
 */
export const dashboardKit = String.raw`
const TOKEN_KEY = 'nox-testkit-admin-token';
const POLL_MS = 1000;
const pageData = JSON.parse(document.body.dataset.page || '{}');
const $ = (id) => document.getElementById(id);

/** An element; children are nodes or text (put in as text nodes, so nothing from the mock is parsed as markup). */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  return add(el, children);
}
function add(el, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}
function fill(el, ...children) {
  el.replaceChildren();
  return add(el, children);
}
/** Rebuilds el only when what it shows changed, so inputs, open rows and focus survive the polling. */
function keyed(el, key, build) {
  if (!el || el.dataset.key === key) return;
  el.dataset.key = key;
  fill(el, build());
}
function table(head, rows, empty) {
  if (rows.length === 0) return h('p', { class: 'empty' }, empty || 'None.');
  return h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, head.map((c) => h('th', {}, c)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c) => h('td', {}, c))))));
}
function button(label, onclick, kind) {
  return h('button', { type: 'button', class: kind || 'secondary', onclick }, label);
}
function pill(label, kind) {
  return h('span', { class: 'pill ' + (kind || '') }, label);
}
const STATE_KINDS = { connected: 'ok', delivered: 'ok', pending: 'info', confirmed: 'info', open: 'info', supplier_chosen: 'info', failed: 'bad' };
function statePill(status, error) {
  return h('span', { class: 'inline' }, pill(status, STATE_KINDS[status]), error ? h('code', {}, error) : null);
}
function statusPill(status) {
  if (!status) return pill('no answer', 'bad');
  return pill(String(status), status < 300 ? 'ok' : status < 400 ? 'info' : status < 500 ? 'warn' : 'bad');
}
const iso = (s) => (s === null || s === undefined ? '—' : new Date(s * 1000).toISOString().replace('.000Z', 'Z'));
const clockTime = (s) => iso(s).slice(11, 19);
const when = (s) => h('span', { class: 'nowrap' }, iso(s));
const short = (id) => (id.length > 14 ? id.slice(0, 12) + '…' : id);
const pretty = (v) => (typeof v === 'string' ? v : JSON.stringify(v, null, 2));
function duration(seconds) {
  let s = Math.abs(Math.round(seconds));
  const parts = [];
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['min', 60], ['s', 1]]) {
    if (s >= size || (unit === 's' && parts.length === 0)) {
      parts.push(Math.floor(s / size) + ' ' + unit);
      s %= size;
    }
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}
function headerLines(headers) {
  return Object.entries(headers || {}).map(([k, v]) => k + ': ' + v).join('\n');
}
const query = (params) => {
  const kept = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return kept.length ? '?' + new URLSearchParams(kept).toString() : '';
};

function problem(message) {
  $('problem').hidden = !message;
  $('problem').textContent = message || '';
}
function notice(message) {
  $('notice').hidden = !message;
  $('notice').textContent = message || '';
}

class ControlError extends Error {}

/** One control API call; the only way the dashboard reads or changes anything. */
async function api(method, path, body) {
  const headers = {};
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.authorization = 'Bearer ' + token;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res;
  try {
    res = await fetch(path, { method, headers, cache: 'no-store', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    throw new ControlError('The mock does not answer (' + error.message + '). Is nox-testkit serve still running?');
  }
  const json = await res.json().catch(() => ({}));
  if (res.status === 403 && res.headers.get('www-authenticate')) {
    sessionStorage.removeItem(TOKEN_KEY);
    askToken(token ? 'The mock refused that token: give the one it was started with (--admin-token).' : '');
    throw new ControlError('The control API needs the admin token.');
  }
  if (!res.ok) throw new ControlError(method + ' ' + path + ' answered ' + res.status + ': ' + (json.error || JSON.stringify(json)));
  return json;
}

function askToken(why) {
  ui.needToken = true;
  $('app').hidden = true;
  $('token').hidden = false;
  $('token-problem').hidden = !why;
  $('token-problem').textContent = why;
  $('token-input').focus();
}
$('token').addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, $('token-input').value);
  $('token-input').value = '';
  $('token').hidden = true;
  ui.needToken = false;
  refresh();
});

/** Runs an action, says what it did (or what went wrong), then shows the state after it. */
async function act(work, said) {
  try {
    const result = await work();
    problem('');
    notice(said(result));
  } catch (error) {
    if (!ui.needToken) problem(error.message);
  }
  await refresh();
}
`;
