/**
 * The organisation, users, policies-and-faults and webhooks views of the dashboard script. Each view builds
 * its forms once (mount) and its live parts on every poll (update, through keyed()).
 */
export const dashboardViews = String.raw`
function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  const area = h('textarea', { class: 'copy-buffer' }, text);
  document.body.append(area);
  area.select();
  document.execCommand('copy');
  area.remove();
  return Promise.resolve();
}

/** An API key masked, with Show and Copy. */
function keyField(key) {
  const visible = Math.min(4, Math.floor(key.length / 4));
  const masked = key.slice(0, visible) + '•'.repeat(Math.min(10, Math.max(6, key.length - 2 * visible))) + key.slice(key.length - visible);
  const code = h('code', { class: 'api-key' }, masked);
  const show = button('Show', () => {
    const shown = code.textContent === key;
    code.textContent = shown ? masked : key;
    show.textContent = shown ? 'Show' : 'Hide';
  });
  const copy = button('Copy', () => copyText(key).then(() => { copy.textContent = 'Copied'; }, () => { copy.textContent = 'Copy failed'; }));
  return h('span', { class: 'inline' }, code, show, copy);
}
const lines = (list) => (list.length ? list.map((x) => h('div', {}, h('code', {}, x))) : '—');

function organisationFields(org, policies) {
  const rows = [
    ['Name', org.name], ['Kind', org.kind], ['Id', h('code', {}, org.id)], ['API key (x-api-key)', keyField(org.api_key)],
    ['Redirect URLs', lines(org.redirect_urls)],
    ['oauth_login_url', org.oauth_login_url ? h('code', {}, org.oauth_login_url) : "none: not listed in NOX's energy-supplier selector"],
    ['webhook_url', org.webhook_url ? h('code', {}, org.webhook_url) : 'none: it receives no webhooks'],
    ['Webhook events', org.webhook_events ? lines(org.webhook_events) : 'all'],
    org.kind === 'supplier' ? ['Package', policies.package || 'supplier-control'] : ['Brands', org.brands.join(', ') || '—'],
    ['Created', when(org.created_at)],
  ];
  return h('dl', { class: 'fields' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function faultRows(org) {
  return org.route_faults.map((f) => [f.method, h('code', {}, f.path), f.status || '—', f.latency_ms !== undefined ? f.latency_ms + ' ms' : '—', f.times !== undefined ? 'next ' + f.times : 'until cleared']);
}

const organisationView = {
  mount(root) {
    root.append(h('div', { id: 'org-fields' }), h('h2', {}, 'Policies in force'), h('div', { id: 'org-policies' }),
      h('h2', {}, 'Faults in force'), h('div', { id: 'org-faults' }));
  },
  update(org) {
    keyed($('org-fields'), JSON.stringify([org, ui.policies.package]), () => organisationFields(org, ui.policies));
    keyed($('org-policies'), JSON.stringify(ui.policies), () => table(['Policy', 'Value'], Object.entries(ui.policies).map(([k, v]) => [h('code', { class: 'id' }, k), String(v)])));
    keyed($('org-faults'), JSON.stringify([org.brand_outages, org.route_faults]), () => [
      h('p', {}, 'Brands in an outage: ' + (org.brand_outages.join(', ') || 'none')),
      table(['Method', 'Path', 'Status', 'Latency', 'Calls'], faultRows(org), 'No route fault.'),
    ]);
  },
};

function whoIsWho(org, s) {
  const makerIds = (id) => (s.manufacturer_users || []).filter((m) => m.nox_user_id === id).map((m) => m.manufacturer_user_id);
  const accounts = (id) => [...new Set(s.devices.filter((d) => d.nox_user_id === id).map((d) => d.brand + ': ' + d.account))];
  return table(['NOX user', org.kind === 'supplier' ? 'Supplier user id' : 'User id of ' + org.name, 'Manufacturer accounts', 'Manufacturer user ids', 'Devices', 'Since'],
    s.nox_users.map((u) => [h('code', {}, u.id), h('code', {}, u.supplier_user_id), lines(accounts(u.id)), lines(makerIds(u.id)),
      String(s.devices.filter((d) => d.nox_user_id === u.id).length), when(u.created_at)]), 'No NOX user yet: link one.');
}

const compact = (v) => Object.entries(v || {}).map(([k, x]) => h('div', {}, h('code', { class: 'setting' }, k + ': ' + JSON.stringify(x))));

const usersView = {
  mount(root) {
    root.append(h('h2', {}, 'Who is who'), h('div', { id: 'who' }), h('h2', {}, 'Manufacturer users'), h('div', { id: 'maker-users' }),
      h('h2', {}, 'Devices'), h('div', { id: 'devices' }), h('h2', {}, 'Settings in force'), h('div', { id: 'settings' }));
  },
  update(org) {
    const s = ui.state;
    keyed($('who'), JSON.stringify([s.nox_users, s.devices, s.manufacturer_users]), () => whoIsWho(org, s));
    keyed($('maker-users'), JSON.stringify(s.manufacturer_users), () => table(['Manufacturer user', 'NOX user', 'Brand', 'Devices', 'Updated'],
      (s.manufacturer_users || []).map((m) => [h('code', {}, m.manufacturer_user_id), h('code', {}, m.nox_user_id), m.brand, lines(m.device_ids), when(m.updated_at)]), 'None of this organisation.'));
    keyed($('devices'), JSON.stringify(s.devices), () => table(['Device', 'NOX user', 'Brand', 'Asset', 'Account', 'Connected'],
      s.devices.map((d) => [h('code', {}, d.device_id), h('code', {}, d.nox_user_id), d.brand, d.asset_type, d.account, when(d.connected_at)]), 'No device yet.'));
    keyed($('settings'), JSON.stringify(s.settings_in_force), () => table(['Device', 'Room', 'Hot water', 'Optimisations', 'Updated'],
      s.settings_in_force.map((x) => [h('code', {}, x.device_id), compact(x.room), compact(x.dhw), compact(x.optimization_settings), when(x.updated_at)]), 'No heat pump yet.'));
  },
};

function policyControl(org, name, schema, value) {
  const put = (v) => act(() => api('PUT', '/__nox/policies', { organisation_id: org.id, [name]: v }), () => name + ' is now ' + v + ' for ' + org.name);
  const attrs = { 'aria-label': name, 'data-policy': name };
  if (schema.enum) return h('select', { ...attrs, onchange: (e) => put(e.target.value) }, schema.enum.map((v) => h('option', { value: v, selected: v === value }, v)));
  if (schema.type === 'boolean') return h('input', { ...attrs, type: 'checkbox', checked: value === true, onchange: (e) => put(e.target.checked) });
  if (schema.type === 'integer')
    return h('input', { ...attrs, type: 'number', value, min: schema.minimum, max: schema.maximum, step: 1, onchange: (e) => put(Number(e.target.value)) });
  return h('input', { ...attrs, value: value === undefined ? '' : value, onchange: (e) => put(e.target.value) });
}

/** The organisation as last read: a form built earlier holds an older copy. */
const latestOf = (org) => ui.orgs.find((o) => o.id === org.id) || org;

/** Replaces the faults, keeping those not changed as last read. */
function putFaults(org, changes, said) {
  const latest = latestOf(org);
  const body = { organisation_id: org.id, brand_outages: latest.brand_outages, routes: latest.route_faults, ...changes };
  return act(() => api('PUT', '/__nox/faults', body), said);
}

function addFaultForm(org) {
  const route = h('input', { id: 'fault-route', list: 'fault-routes', size: 40, placeholder: 'POST /v2/supplier/link-sessions', 'aria-label': 'Route' });
  const status = h('input', { id: 'fault-status', type: 'number', min: 400, max: 599, placeholder: '503', 'aria-label': 'Forced status' });
  const latency = h('input', { id: 'fault-latency', type: 'number', min: 0, max: 30000, placeholder: '0', 'aria-label': 'Latency in ms' });
  const times = h('input', { id: 'fault-times', type: 'number', min: 1, placeholder: 'every', 'aria-label': 'Only the next N calls' });
  const add = () => {
    const [method, path] = route.value.trim().split(/\s+/);
    const fault = { method: (method || '').toUpperCase(), path };
    if (status.value) fault.status = Number(status.value);
    if (latency.value) fault.latency_ms = Number(latency.value);
    if (times.value) fault.times = Number(times.value);
    putFaults(org, { routes: [...latestOf(org).route_faults, fault] }, () => 'Fault on ' + fault.method + ' ' + fault.path + ' in force');
  };
  return h('div', { class: 'toolbar' },
    h('datalist', { id: 'fault-routes' }, pageData.routes.map((r) => h('option', { value: r }))),
    h('label', {}, 'Route', route), h('label', {}, 'Status', status), h('label', {}, 'Latency (ms)', latency),
    h('label', {}, 'Fail the next N', times), button('Add fault', add, 'primary'));
}

const policiesView = {
  mount(root, org) {
    root.append(h('h2', {}, 'Policies of ' + org.name), h('p', { class: 'muted small' }, 'A change applies to this organisation only; its overrides win over the global policies.'),
      h('div', { id: 'policy-form' }), h('h2', {}, 'Brand outages'), h('div', { id: 'outages', class: 'brand-grid' }),
      h('h2', {}, 'Route faults'), h('div', { id: 'route-faults' }), addFaultForm(org),
      h('div', { class: 'toolbar' }, button('Clear all faults', () => putFaults(org, { brand_outages: [], routes: [] }, () => 'No fault in force for ' + org.name))));
  },
  update(org) {
    keyed($('policy-form'), JSON.stringify(ui.policies), () => table(['Policy', 'Value', ''],
      Object.entries(pageData.policies).map(([name, schema]) => [h('code', { class: 'id' }, name), policyControl(org, name, schema, ui.policies[name]), h('span', { class: 'muted small' }, schema.description || '')])));
    keyed($('outages'), JSON.stringify(org.brand_outages), () => pageData.brands.map((b) => h('label', {}, h('input', { type: 'checkbox', 'data-brand': b, checked: org.brand_outages.includes(b),
      onchange: (e) => putFaults(org, { brand_outages: e.target.checked ? [...org.brand_outages, b] : org.brand_outages.filter((x) => x !== b) }, () => b + (e.target.checked ? ' is in an outage' : ' is back')) }), b)));
    keyed($('route-faults'), JSON.stringify(org.route_faults), () => table(['Method', 'Path', 'Status', 'Latency', 'Calls', ''],
      faultRows(org).map((row, i) => [...row, button('Remove', () => putFaults(org, { routes: org.route_faults.filter((_, j) => j !== i) }, () => 'Fault removed'))]), 'No route fault.'));
  },
};

function attemptRows(delivery) {
  return delivery.attempts.map((a) => [String(a.number), when(a.at), a.response_status ? statusPill(a.response_status) : h('span', { class: 'pill bad' }, a.error || 'no answer'),
    a.outcome.replace(/_/g, ' '), h('span', { class: 'nowrap' }, a.duration_ms + ' ms'), a.redelivery ? 'redelivery' : 'schedule', h('pre', {}, headerLines(a.headers))]);
}

function deliveryRow(org, d) {
  const id = 'delivery-' + d.id;
  const redeliver = button('Redeliver now', (e) => {
    e.preventDefault();
    act(() => api('POST', '/__nox/webhooks/' + encodeURIComponent(d.id) + '/redeliver'), (r) => 'Redelivered ' + d.event.type + ': ' + r.status);
  });
  const row = h('details', { 'data-delivery': d.id, open: ui.open.has(id), ontoggle: () => (row.open ? ui.open.add(id) : ui.open.delete(id)) },
    h('summary', {}, h('span', { class: 'mono' }, clockTime(d.created_at)), h('span', { class: 'path' }, d.event.type), statePill(d.status),
      h('span', { class: 'attempts' }, d.attempts.length === 1 ? '1 attempt' : d.attempts.length + ' attempts'),
      h('span', { class: 'due', 'data-due': d.next_attempt_at === null ? '' : d.next_attempt_at, 'data-none': d.status === 'failed' ? 'no retry left' : '', 'data-org': d.organisation_id }), redeliver),
    h('dl', { class: 'fields' }, [['Delivery', h('code', {}, d.id)], ['To', h('code', {}, d.url)], ['X-Webhook-Id', h('code', {}, d.webhook_id)], ['Queued', when(d.created_at)]].map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    table(['#', 'At', 'Answer', 'Outcome', 'Took', 'Made by', 'Signed headers'], attemptRows(d), 'No attempt yet.'),
    h('pre', {}, pretty(d.event)));
  return row;
}

const webhooksView = {
  mount(root, org) {
    root.append(h('div', { class: 'toolbar' },
      button('Deliver what is due', () => act(() => api('POST', '/__nox/webhooks/deliver-due', { organisation_id: org.id }), (r) => r.attempted + (r.attempted === 1 ? ' attempt' : ' attempts') + ' made'), 'primary'),
      h('span', { class: 'muted' }, org.webhook_url ? 'To ' + org.webhook_url : 'This organisation has no webhook_url: it receives no webhooks.')),
      h('div', { id: 'deliveries', class: 'deliveries' }));
  },
  update(org) {
    const list = ui.state.webhook_deliveries || [];
    keyed($('deliveries'), JSON.stringify(list), () => (list.length ? [...list].reverse().map((d) => deliveryRow(org, d)) : h('p', { class: 'empty' }, 'No webhook delivery yet: a settings change of a linked user queues one.')));
  },
};
`;
