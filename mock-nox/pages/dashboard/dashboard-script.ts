import { dashboardJournal } from './dashboard-journal.ts';
import { dashboardKit } from './dashboard-kit.ts';
import { dashboardSessions } from './dashboard-sessions.ts';
import { dashboardViews } from './dashboard-views.ts';

/**
 * The dashboard's state, its address (`#org=…&tab=…`), the polling and the tabs: it reads the control API
 * once a second (the journal from the last entry it has) and redraws only what changed.
 */
const dashboardMain = `
const ui = {
  orgs: [], org: undefined, tab: 'organisation', clock: null, state: null, policies: null, needToken: false, mounted: '',
  journal: { org: null, entries: [], lastId: 0, version: 0 }, filters: { area: '', status: '', text: '' }, open: new Set(),
};
const VIEWS = {
  organisation: ['Organisation', organisationView], journal: ['Journal', journalView], sessions: ['Sessions', sessionsView],
  users: ['Users & devices', usersView], clock: ['Clock', clockView], policies: ['Policies & faults', policiesView], webhooks: ['Webhooks', webhooksView],
};
const current = () => ui.orgs.find((o) => o.id === ui.org);
/** An organisation's virtual now: the global clock plus its own offset. */
function nowOf(id) {
  const org = ui.orgs.find((o) => o.id === id);
  return ui.clock.now + (org ? org.clock_offset_seconds : 0);
}
const hashFor = (org, tab) => '#' + new URLSearchParams({ org: org || '', tab }).toString();
function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  ui.org = params.get('org') || undefined;
  ui.tab = VIEWS[params.get('tab')] ? params.get('tab') : 'organisation';
}

async function loadJournal() {
  const j = ui.journal;
  if (j.org !== ui.org) Object.assign(j, { org: ui.org, entries: [], lastId: 0, version: j.version + 1 });
  for (;;) {
    const { entries } = await api('GET', '/__nox/journal' + query({ organisation_id: ui.org, after_id: j.lastId, limit: 1000 }));
    if (entries.length === 0) return;
    j.entries.push(...entries);
    j.lastId = entries[entries.length - 1].id;
    j.version++;
    if (j.entries.length > 5000) j.entries.splice(0, j.entries.length - 5000);
    if (entries.length < 1000) return;
  }
}

let loadFailed = false;
async function load() {
  if (ui.needToken) return;
  try {
    const [orgs, clock] = await Promise.all([api('GET', '/__nox/organisations'), api('GET', '/__nox/clock')]);
    ui.orgs = orgs.organisations;
    ui.clock = clock;
    if (!current()) {
      ui.org = (ui.orgs.find((o) => o.kind === 'supplier') || ui.orgs[0] || {}).id;
      history.replaceState(null, '', hashFor(ui.org, ui.tab));
    }
    if (ui.org) {
      const id = { organisation_id: ui.org };
      [ui.state, ui.policies] = await Promise.all([api('GET', '/__nox/state' + query(id)), api('GET', '/__nox/policies' + query(id)), loadJournal()]);
    }
    if (loadFailed) problem('');
    loadFailed = false;
    render();
    $('live').textContent = 'Live: read ' + new Date().toLocaleTimeString() + '.';
  } catch (error) {
    if (ui.needToken) return;
    loadFailed = true;
    problem(error.message);
  }
}

let chain = Promise.resolve();
/** Reads the state again; reads never overlap, so an action's own refresh sees what it did. */
function refresh() {
  chain = chain.then(load);
  return chain;
}

function render() {
  $('app').hidden = false;
  const org = current();
  keyed($('orgs'), JSON.stringify([ui.org, ui.tab, ui.orgs.map((o) => [o.id, o.name, o.kind])]), () => ui.orgs.map((o) =>
    h('a', { href: hashFor(o.id, ui.tab), 'data-org': o.id, 'aria-current': o.id === ui.org ? 'page' : null }, h('b', {}, o.name), h('small', {}, o.kind + ' · ' + o.id))));
  const s = ui.state || {};
  const pending = (s.link_sessions || []).filter((x) => x.status === 'pending').length +
    (s.supplier_auth_sessions || []).filter((x) => x.status === 'pending' || x.status === 'confirmed').length;
  const counts = { journal: ui.journal.entries.length, sessions: pending, webhooks: (s.webhook_deliveries || []).length };
  keyed($('tabs'), JSON.stringify([ui.org, ui.tab, counts]), () => Object.entries(VIEWS).map(([tab, [label]]) =>
    h('a', { href: hashFor(ui.org, tab), 'data-tab': tab, 'aria-current': tab === ui.tab ? 'page' : null }, label, counts[tab] ? ' (' + counts[tab] + ')' : '')));
  const view = VIEWS[ui.tab][1];
  if (ui.mounted !== ui.org + '/' + ui.tab) {
    ui.mounted = ui.org + '/' + ui.tab;
    fill($('view'));
    if (org) view.mount($('view'), org);
  }
  if (org) view.update(org);
  else fill($('view'), h('p', { class: 'empty' }, 'No organisation: POST /__nox/organisations creates one.'));
  tick();
}

/** Time left and next attempts, on each organisation's clock. */
function tick() {
  for (const el of document.querySelectorAll('[data-expires]')) {
    const left = Number(el.dataset.expires) - nowOf(el.dataset.org);
    const ended = el.dataset.ended === 'true';
    el.textContent = ended ? '—' : left > 0 ? duration(left) + ' left' : 'expired ' + duration(-left) + ' ago';
    el.classList.toggle('expired', !ended && left <= 0);
  }
  for (const el of document.querySelectorAll('[data-due]')) {
    const left = el.dataset.due === '' ? null : Number(el.dataset.due) - nowOf(el.dataset.org);
    el.textContent = left === null ? el.dataset.none : left > 0 ? 'next in ' + duration(left) : 'next attempt due';
  }
}

window.addEventListener('hashchange', () => {
  readHash();
  notice('');
  refresh();
});
async function poll() {
  if (!document.hidden) await refresh();
  setTimeout(poll, POLL_MS);
}
readHash();
poll();
`;

/** The whole client, one script in its own scope. */
export const dashboardScript = `(() => {
'use strict';
${dashboardKit}
${dashboardJournal}
${dashboardSessions}
${dashboardViews}
${dashboardMain}
})();
`;
