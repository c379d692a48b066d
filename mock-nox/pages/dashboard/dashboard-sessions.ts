/**
 * The sessions and clock views of the dashboard script: link, supplier-auth and manufacturer link sessions
 * with their time left on the organisation's clock, completed or cancelled through the control API; the
 * clock shown, set and advanced.
 */
export const dashboardSessions = String.raw`
/** The time left of a session, kept current by tick() on every poll. */
function timeLeft(expiresAt, organisationId, ended) {
  return h('span', { class: 'left', 'data-expires': expiresAt, 'data-org': organisationId, 'data-ended': ended ? 'true' : 'false' });
}
const linkPagePath = (s) => (s.api_version === 'v1' ? '/connect' + query({ token: s.token }) : '/ui' + query({ token: s.token, language: s.language }));
const makerPagePath = (s) => (s.api_version === 'v1' ? '/' + query({ token: s.token, connection_type: 'manufacturer' }) : '/ui' + query({ token: s.token, language: s.language }));
const openPage = (path) => h('a', { href: path, target: '_blank', rel: 'noopener', class: 'open-page' }, 'Open page');

function completeLink(session) {
  const path = '/__nox/link-sessions/' + encodeURIComponent(session.token) + '/complete';
  const said = (r) => 'Link session ' + short(session.token) + ': ' + r.outcome + (r.error ? ' (' + r.error + ')' : '') + (r.redirect_url ? '; the browser would go to ' + r.redirect_url : '');
  const brand = session.brand ? null : h('select', { 'aria-label': 'Brand' }, pageData.brands.map((b) => h('option', { value: b }, b)));
  const username = h('input', { 'aria-label': 'Username', value: 'alice', size: 10 });
  return h('span', { class: 'inline' }, openPage(linkPagePath(session)), brand, username,
    button('Complete', () => act(() => api('POST', path, { brand: brand ? brand.value : undefined, username: username.value }), said), 'primary'),
    button('Cancel', () => act(() => api('POST', path, { cancel: true }), said)));
}

function linkSessionRows(sessions) {
  return [...sessions].reverse().map((s) => [
    h('code', { class: 'id', title: s.token }, short(s.token)), s.supplier_user_id, s.api_version + ' · ' + s.asset_type, s.brand || '—',
    statePill(s.status, s.error), when(s.expires_at), timeLeft(s.expires_at, s.organisation_id, s.status !== 'pending'),
    s.status === 'pending' ? completeLink(s) : s.nox_user_id ? h('code', {}, s.nox_user_id) : '—',
  ]);
}

function completeSupplierAuth(session) {
  const path = '/__nox/supplier-auth-sessions/' + encodeURIComponent(session.state) + '/complete';
  const said = (r) => 'Supplier-auth session ' + short(session.state) + ': ' + r.outcome + (r.error ? ' (' + r.error + ')' : '');
  const user = h('input', { 'aria-label': 'Supplier user id', placeholder: 'supplier user id', size: 14 });
  return h('span', { class: 'inline' }, user,
    button('Confirm and return', () => act(() => api('POST', path, user.value ? { supplier_user_id: user.value } : {}), said), 'primary'),
    button('Refuse', () => act(() => api('POST', path, { refuse: true }), said)));
}

function supplierAuthRows(sessions) {
  const open = (s) => s.status === 'pending' || s.status === 'confirmed';
  return [...sessions].reverse().map((s) => [
    h('code', { class: 'id', title: s.state }, short(s.state)), s.origin.replace(/_/g, ' '), s.brand, statePill(s.status, s.error), s.supplier_user_id || '—',
    when(s.expires_at), timeLeft(s.expires_at, s.supplier_organisation_id, !open(s)), open(s) ? completeSupplierAuth(s) : '—',
  ]);
}

function makerSessionRows(sessions) {
  return [...sessions].reverse().map((s) => [
    h('code', { class: 'id', title: s.token }, short(s.token)), s.manufacturer_user_id, statePill(s.status, s.error),
    s.supplier_auth_state ? h('code', {}, short(s.supplier_auth_state)) : '—', when(s.expires_at),
    timeLeft(s.expires_at, s.organisation_id, s.status !== 'open'), s.status === 'open' ? openPage(makerPagePath(s)) : '—',
  ]);
}

const LINK_HEAD = ['Token', 'Supplier user', 'API · asset', 'Brand', 'State', 'Expires', 'Time left', ''];
const AUTH_HEAD = ['State', 'Started from', 'Brand', 'Status', 'Supplier user', 'Expires', "Time left (supplier's clock)", ''];
const MAKER_HEAD = ['Token', 'Manufacturer user', 'Status', 'Supplier-auth state', 'Expires', 'Time left', ''];

const sessionsView = {
  mount(root) {
    root.append(h('h2', {}, 'Link sessions'), h('div', { id: 'link-sessions' }),
      h('h2', {}, 'Supplier-auth sessions (flow 2)'), h('div', { id: 'auth-sessions' }),
      h('h2', {}, 'Manufacturer link sessions'), h('div', { id: 'maker-sessions' }),
      h('p', { class: 'muted small' }, 'Complete and Cancel act as the user on NOX\'s pages, without a browser (POST /__nox/link-sessions/{token}/complete); "Confirm and return" is the supplier\'s POST /post-login-redirect and the browser\'s return (POST /__nox/supplier-auth-sessions/{state}/complete).'));
  },
  update() {
    const s = ui.state;
    keyed($('link-sessions'), JSON.stringify(s.link_sessions), () => table(LINK_HEAD, linkSessionRows(s.link_sessions), 'No link session yet.'));
    keyed($('auth-sessions'), JSON.stringify(s.supplier_auth_sessions), () => table(AUTH_HEAD, supplierAuthRows(s.supplier_auth_sessions || []), 'No supplier-auth session.'));
    keyed($('maker-sessions'), JSON.stringify(s.manufacturer_link_sessions), () => table(MAKER_HEAD, makerSessionRows(s.manufacturer_link_sessions || []), 'No manufacturer link session.'));
  },
};

const UNITS = { s: 1, min: 60, h: 3600, d: 86400 };

const clockView = {
  mount(root, org) {
    const organisation_id = org.id;
    const advance = (seconds) => act(() => api('POST', '/__nox/clock/advance', { seconds, organisation_id }),
      (r) => 'The clock of ' + org.name + ' went ' + (seconds < 0 ? 'back' : 'forward') + ' ' + duration(seconds) + ': now ' + r.iso);
    const amount = h('input', { type: 'number', id: 'advance-amount', value: 10, min: -100000, step: 1, 'aria-label': 'Amount' });
    const unit = h('select', { id: 'advance-unit', 'aria-label': 'Unit' }, Object.keys(UNITS).map((u) => h('option', { value: u, selected: u === 'min' }, u)));
    const target = h('input', { type: 'datetime-local', id: 'set-time', step: 1, value: iso(nowOf(org.id)).slice(0, 19), 'aria-label': 'Time (UTC)' });
    const setTime = () => {
      const value = target.value.length === 16 ? target.value + ':00' : target.value;
      act(() => api('POST', '/__nox/clock/set', { iso: value + 'Z', organisation_id }), (r) => 'The clock of ' + org.name + ' is set to ' + r.iso);
    };
    root.append(
      h('h2', {}, 'Clock of ' + org.name), h('p', { id: 'clock-now', class: 'mono' }),
      h('div', { class: 'toolbar' }, h('label', {}, 'Advance by', amount, unit),
        button('Advance', () => advance(Math.round(Number(amount.value) * UNITS[unit.value])), 'primary'),
        [['+1 min', 60], ['+10 min', 600], ['+1 h', 3600], ['+1 d', 86400], ['−1 min', -60]].map(([label, s]) => button(label, () => advance(s)))),
      h('div', { class: 'toolbar' }, h('label', {}, 'Set to (UTC)', target), button('Set', setTime)),
      h('p', { class: 'muted small' }, "Only this organisation's clock moves (its offset); sessions are judged on it. Passing a pending link session's expiry records it as expired."),
      h('h2', {}, 'Expiries on this clock'), h('div', { id: 'clock-sessions' }));
  },
  update(org) {
    fill($('clock-now'), iso(nowOf(org.id)) + ' · offset ' + (org.clock_offset_seconds < 0 ? '−' : '+') + duration(org.clock_offset_seconds) + ' (this organisation) · global offset ' + duration(ui.clock.offset_seconds));
    const s = ui.state;
    const rows = [
      ...s.link_sessions.map((x) => ['link session', h('code', { class: 'id' }, short(x.token)), statePill(x.status, x.error), when(x.expires_at), timeLeft(x.expires_at, x.organisation_id, x.status !== 'pending')]),
      ...(s.supplier_auth_sessions || []).map((x) => ['supplier-auth session', h('code', { class: 'id' }, short(x.state)), statePill(x.status, x.error), when(x.expires_at), timeLeft(x.expires_at, x.supplier_organisation_id, x.status !== 'pending' && x.status !== 'confirmed')]),
      ...(s.manufacturer_link_sessions || []).map((x) => ['manufacturer link session', h('code', { class: 'id' }, short(x.token)), statePill(x.status, x.error), when(x.expires_at), timeLeft(x.expires_at, x.organisation_id, x.status !== 'open')]),
    ];
    keyed($('clock-sessions'), JSON.stringify([s.link_sessions, s.supplier_auth_sessions, s.manufacturer_link_sessions]), () => table(['Session', 'Id', 'State', 'Expires', 'Time left'], rows, 'No session of this organisation.'));
  },
};
`;
