/**
 * The HTML report's script: search and filters kept in the URL's hash (#?q=…&status=…&severity=…), a deep
 * link per scenario (#<scenario id> opens and scrolls to it), copy link, attempt tabs, expand/collapse all,
 * and enlarging a screenshot. Plain DOM, no framework: the report works offline from the file.
 */
export const htmlReportScript = `
const scenarios = [...document.querySelectorAll('.scenario')];
const search = document.getElementById('search');
const defaults = { q: '', status: 'all', severity: 'all' };
const state = { ...defaults };
const isChoice = (k, v) => k === 'q' || [...document.querySelectorAll('[data-filter="' + k + '"]')].some((b) => b.dataset.value === v);

function apply() {
  for (const b of document.querySelectorAll('[data-filter]')) b.setAttribute('aria-pressed', String(state[b.dataset.filter] === b.dataset.value));
  if (search.value !== state.q) search.value = state.q;
  const terms = state.q.toLowerCase().split(/\\s+/).filter(Boolean);
  let shown = 0;
  for (const s of scenarios) {
    const text = s.dataset.search.toLowerCase();
    s.hidden = !((state.status === 'all' || s.dataset.outcome === state.status) &&
      (state.severity === 'all' || s.dataset.severity === state.severity) && terms.every((t) => text.includes(t)));
    if (!s.hidden) shown++;
  }
  document.getElementById('no-match').hidden = shown > 0;
  document.getElementById('shown').textContent = shown + ' of ' + scenarios.length + ' shown';
}

function choose(key, value) {
  state[key] = value;
  apply();
  const params = new URLSearchParams(Object.keys(defaults).filter((k) => state[k] !== defaults[k]).map((k) => [k, state[k]]));
  history.replaceState(null, '', params.size > 0 ? '#?' + params : location.pathname + location.search);
}

function decoded(text) {
  try { return decodeURIComponent(text); } catch { return text; }
}

function readHash() {
  const hash = location.hash.slice(1);
  const params = new URLSearchParams(hash.startsWith('?') ? hash.slice(1) : '');
  for (const k of Object.keys(defaults)) {
    const v = params.get(k);
    state[k] = v !== null && isChoice(k, v) ? v : defaults[k];
  }
  apply();
  const target = hash && !hash.startsWith('?') && document.getElementById('scenario-' + decoded(hash));
  if (target) {
    target.open = true;
    // Below the filter bar, which stays at the top on a wide screen.
    const bar = document.querySelector('.filters');
    const covered = getComputedStyle(bar).position === 'sticky' ? bar.offsetHeight : 0;
    window.scrollTo(0, target.getBoundingClientRect().top + window.scrollY - covered - 8);
    target.querySelector('summary').focus({ preventScroll: true });
  }
}

function selectTab(tab) {
  for (const t of tab.parentElement.children) {
    t.setAttribute('aria-selected', String(t === tab));
    t.tabIndex = t === tab ? 0 : -1;
    document.getElementById(t.getAttribute('aria-controls')).hidden = t !== tab;
  }
  tab.focus();
}

async function copyLink(button) {
  const link = location.href.split('#')[0] + '#' + encodeURIComponent(button.dataset.copy);
  try {
    await navigator.clipboard.writeText(link);
    button.textContent = 'Copied';
  } catch {
    history.replaceState(null, '', link);
    button.textContent = 'Link in the address bar';
  }
  setTimeout(() => { button.textContent = 'Copy link'; }, 2000);
}

const lightbox = document.getElementById('lightbox');
let opener = null;
function closeLightbox() {
  if (lightbox.hidden) return;
  lightbox.hidden = true;
  opener?.focus();
}

search.addEventListener('input', () => choose('q', search.value));
document.addEventListener('click', (event) => {
  const el = event.target.closest('[data-filter], [data-expand], [data-copy], [role=tab], .shot-link');
  if (lightbox.contains(event.target)) closeLightbox();
  if (!el) return;
  if (el.dataset.filter) choose(el.dataset.filter, el.dataset.value);
  else if (el.dataset.expand) for (const s of scenarios) s.open = el.dataset.expand === 'all';
  else if (el.dataset.copy) copyLink(el);
  else if (el.getAttribute('role') === 'tab') selectTab(el);
  else {
    event.preventDefault();
    opener = el;
    lightbox.querySelector('img').src = el.querySelector('img').src;
    lightbox.hidden = false;
    lightbox.focus();
  }
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') closeLightbox();
  else if (event.key === '/' && !event.target.closest('input, textarea')) {
    event.preventDefault();
    search.focus();
  } else if (event.target.getAttribute('role') === 'tab') {
    const tabs = [...event.target.parentElement.children];
    const i = tabs.indexOf(event.target);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    selectTab(tabs[(next + tabs.length) % tabs.length]);
  }
});
window.addEventListener('hashchange', readHash);
readHash();
`;
