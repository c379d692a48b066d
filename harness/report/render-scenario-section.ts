import { html, type SafeHtml } from '../../common/html.ts';
import { formatDuration } from './format-duration.ts';
import { attemptsOf, docsLink, renderAttempt } from './render-attempt.ts';
import type { AttemptRecord, ScenarioResult } from './run-result.ts';

const marks = { passed: '✓', failed: '✗', skipped: '–', not_run: '·' } as const;
const statusNames = { passed: 'Passed', failed: 'Failed', skipped: 'Skipped', not_run: 'Not run' } as const;

/** What the status filter calls a scenario: a pass on retry is `flaky`, not `passed`. */
export function outcomeOf(s: ScenarioResult): ScenarioResult['status'] | 'flaky' {
  return s.status === 'passed' && s.flaky ? 'flaky' : s.status;
}

/** One scenario as a collapsible section with its deep link; failed ones start open. */
export function renderScenarioSection(s: ScenarioResult, screenshots: Set<string>): SafeHtml {
  const attempts = attemptsOf(s);
  const timing = `${formatDuration(s.duration_ms)}${s.attempts > 1 ? ` · ${s.attempts} attempts` : ''}`;
  const ran = s.status === 'passed' || s.status === 'failed';
  // Not run is drawn as skipped (the class), named apart (the chip and the filter).
  return html`<details class="scenario ${ran ? s.status : 'skipped'}" id="scenario-${s.id}" data-id="${s.id}" data-outcome="${outcomeOf(s)}" data-severity="${s.severity}" data-search="${searchText(s, attempts)}"${s.status === 'failed' && html` open`}>
<summary><span class="mark" aria-hidden="true">${marks[s.status]}</span><h2 class="scenario-name">${s.name}</h2><span class="chip ${ran ? s.status : 'skipped'}">${statusNames[s.status]}</span>${s.flaky && html`<span class="chip flaky" title="failed before it passed on a retry">Flaky</span>`}<span class="chip sev-${s.severity}">${s.severity}</span><span class="muted">${ran ? timing : ''}</span></summary>
<div class="scenario-body">
${!ran && html`<div class="callout skipped"><strong>${statusNames[s.status]}:</strong> ${s.reason ?? 'no reason given'}</div>`}
${(s.not_checked ?? []).length > 0 && html`<div class="callout skipped"><strong>Not checked</strong> (the adapter lacks what they read): <ul>${(s.not_checked ?? []).map((n) => html`<li>${n.check} <span class="muted">(add ${n.missing})</span></li>`)}</ul></div>`}
<dl class="facts">
<dt>Rule</dt><dd>${s.rule}${docsLink(s.docs)}</dd>
<dt>Severity</dt><dd>${s.severity === 'required' ? 'Required — a failure fails the run' : 'Advisory — a failure warns (fails with --strict)'}</dd>
<dt>Tags</dt><dd>${s.tags.length > 0 ? s.tags.map((t) => html`<span class="tag">${t}</span>`) : html`<span class="muted">none</span>`}</dd>
${ran && html`<dt>Duration</dt><dd>${formatDuration(s.duration_ms)}${s.attempts > 1 ? ' (last attempt)' : ''} · ${s.attempts} ${s.attempts === 1 ? 'attempt' : 'attempts'}${s.flaky ? ', flaky: it failed before it passed' : ''}</dd>`}
<dt>Id</dt><dd><code>${s.id}</code> <a class="deep-link" href="#${encodeURIComponent(s.id)}">link</a> <button type="button" class="copy-link" data-copy="${s.id}">Copy link</button></dd>
</dl>
${attempts.length > 1 ? attemptTabs(s, attempts, screenshots) : attempts.map((a) => renderAttempt(a, s, screenshots))}
</div>
</details>`;
}

// Tabs as WAI-ARIA describes them: the last attempt selected, arrow keys move between them (the script).
function attemptTabs(s: ScenarioResult, attempts: AttemptRecord[], screenshots: Set<string>): SafeHtml {
  const last = attempts.length - 1;
  const ids = (i: number) => ({ tab: `tab-${s.id}-${i + 1}`, panel: `attempt-${s.id}-${i + 1}` });
  const tabs = attempts.map(
    (a, i) =>
      html`<button type="button" role="tab" class="${a.status}" id="${ids(i).tab}" aria-controls="${ids(i).panel}" aria-selected="${String(i === last)}" tabindex="${i === last ? '0' : '-1'}"><span class="mark" aria-hidden="true">${marks[a.status]}</span> Attempt ${a.attempt} <span class="muted">${formatDuration(a.duration_ms)}</span></button>`,
  );
  // The runner may name an attempt's screenshots as the earlier attempt's: the file then shows the later one.
  const laterShots = (i: number) =>
    new Set(attempts.slice(i + 1).flatMap((later) => later.steps.flatMap((step) => step.screenshot ?? [])));
  const panels = attempts.map(
    (a, i) =>
      html`<div role="tabpanel" class="attempt" id="${ids(i).panel}" aria-labelledby="${ids(i).tab}"${i !== last && html` hidden`}>
${renderAttempt(a, s, screenshots, laterShots(i))}
</div>`,
  );
  return html`<div class="attempts"><div role="tablist" aria-label="Attempts of this scenario">${tabs}</div>
${panels}</div>`;
}

// What the search box looks in: id, name, rule, and every attempt's failure.
function searchText(s: ScenarioResult, attempts: AttemptRecord[]): string {
  const failures = attempts.flatMap((a) =>
    a.failure ? [a.failure.message, a.failure.expected, a.failure.actual] : [],
  );
  return [s.id, s.name, s.rule, s.reason, ...failures].filter(Boolean).join('\n');
}
