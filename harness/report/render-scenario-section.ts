import { html, type SafeHtml } from '../../common/html.ts';
import { formatDuration } from './format-duration.ts';
import { renderJournalEntry } from './render-journal-entry.ts';
import type { ScenarioResult, StepRecord } from './run-result.ts';

const marks = { passed: '✓', failed: '✗', skipped: '–' } as const;
const statusNames = { passed: 'Passed', failed: 'Failed', skipped: 'Skipped' } as const;

/** One scenario as a collapsible section; failed ones start open. */
export function renderScenarioSection(s: ScenarioResult, screenshots: Map<string, string>): SafeHtml {
  const timing = `${formatDuration(s.duration_ms)}${s.attempts > 1 ? ` · ${s.attempts} attempts` : ''}`;
  return html`<details class="scenario ${s.status}" id="scenario-${s.id}" data-status="${s.status}" data-severity="${s.severity}"${s.status === 'failed' && html` open`}>
<summary><span class="mark" aria-hidden="true">${marks[s.status]}</span><h2 class="scenario-name">${s.name}</h2><span class="chip ${s.status}">${statusNames[s.status]}</span><span class="chip sev-${s.severity}">${s.severity}</span><span class="muted">${s.status === 'skipped' ? '' : timing}</span></summary>
<div class="scenario-body">
${explanation(s)}
<dl class="facts">
${!explainsRule(s) && html`<dt>Rule</dt><dd>${s.rule}${docsLink(s.docs)}</dd>`}
<dt>Severity</dt><dd>${s.severity === 'required' ? 'Required — a failure fails the run' : 'Advisory — a failure warns (fails with --strict)'}</dd>
<dt>Tags</dt><dd>${s.tags.length > 0 ? s.tags.map((t) => html`<span class="tag">${t}</span>`) : html`<span class="muted">none</span>`}</dd>
${s.status !== 'skipped' && html`<dt>Duration</dt><dd>${formatDuration(s.duration_ms)} in ${s.attempts} ${s.attempts === 1 ? 'attempt' : 'attempts'}</dd>`}
<dt>Id</dt><dd><code>${s.id}</code></dd>
</dl>
${s.steps.length > 0 && html`<h3>Steps</h3><ol class="steps">${s.steps.map((step) => renderStep(step, screenshots))}</ol>`}
<h3>Calls to NOX <span class="muted">(${s.journal.length})</span></h3>
${s.journal.length > 0 ? s.journal.map(renderJournalEntry) : html`<p class="muted">The supplier made no calls to NOX in this scenario.</p>`}
</div>
</details>`;
}

function explanation(s: ScenarioResult): SafeHtml | string {
  if (s.status === 'skipped')
    return html`<div class="callout skipped"><strong>Skipped:</strong> ${s.reason ?? 'no reason given'}</div>`;
  if (s.status !== 'failed') return '';
  const f = s.failure ?? { code: 'UNKNOWN', message: 'failed without a recorded reason' };
  return html`<div class="callout failed"><h3>Why it failed <code class="code">${f.code}</code></h3><dl>
${f.expected === undefined ? html`<dt>Error</dt><dd><pre>${f.message}</pre></dd>` : html`<dt>Expected</dt><dd>${f.expected}</dd><dt>Actual</dt><dd>${f.actual ?? '(not recorded)'}</dd>`}
<dt>Rule</dt><dd>${f.rule ?? s.rule}${docsLink(f.docs ?? s.docs)}</dd>
</dl></div>`;
}

function renderStep(step: StepRecord, screenshots: Map<string, string>): SafeHtml {
  const src = step.screenshot && screenshots.get(step.screenshot);
  const shot = src
    ? html`<img class="shot" src="${src}" alt="${`The browser after: ${step.name}`}" loading="lazy">`
    : step.screenshot && html`<span class="shot-missing">Screenshot not found: ${step.screenshot}</span>`;
  return html`<li class="step ${step.status}"><div class="step-line"><span class="mark">${marks[step.status]}</span> ${step.name} <span class="muted">${formatDuration(step.duration_ms)}</span></div>${shot}</li>`;
}

// The failure box already states the scenario's rule, unless the failure names another one.
function explainsRule(s: ScenarioResult): boolean {
  return (
    s.status === 'failed' && (s.failure?.rule ?? s.rule) === s.rule && (s.failure?.docs ?? s.docs) === s.docs
  );
}

function docsLink(docs: string | undefined): SafeHtml | undefined {
  return docs ? html` <a href="${safeUrl(docs)}" target="_blank" rel="noopener">${docs}</a>` : undefined;
}

// Only web links become links: a docs string like "javascript:..." is shown as text, never run.
function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '#';
}
