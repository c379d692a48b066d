import { html, type SafeHtml } from '../../common/html.ts';
import { screenshotUrl } from './find-screenshots.ts';
import { formatDuration } from './format-duration.ts';
import { renderJournalEntry } from './render-journal-entry.ts';
import type { AttemptRecord, ScenarioFailure, ScenarioResult, StepRecord } from './run-result.ts';

const marks = { passed: '✓', failed: '✗' } as const;

/** Every attempt of a scenario that ran, oldest first; the last one is the scenario's own top-level evidence. */
export function attemptsOf(s: ScenarioResult): AttemptRecord[] {
  if (s.status === 'skipped' || s.status === 'not_run') return [];
  const { status, failure, duration_ms, steps, journal, trace, show_trace } = s;
  const last = {
    attempt: s.attempts,
    status,
    duration_ms,
    steps,
    journal,
    ...(failure && { failure }),
    ...(trace && { trace, show_trace }),
  };
  return [...(s.previous_attempts ?? []), last];
}

/**
 * One attempt's evidence: why it failed, its steps with screenshots, and the calls the supplier made to NOX.
 * `overwritten` holds the screenshot paths a later attempt wrote again, so the file no longer shows this one.
 */
export function renderAttempt(
  a: AttemptRecord,
  s: ScenarioResult,
  screenshots: Set<string>,
  overwritten = new Set<string>(),
): SafeHtml {
  return html`${a.status === 'failed' && whyItFailed(a, s)}
${a.trace && renderTrace(a.trace, a.show_trace)}
${a.steps.length > 0 && html`<h3>Steps</h3><ol class="steps">${a.steps.map((step) => renderStep(step, screenshots, overwritten))}</ol>`}
<h3>Calls to NOX <span class="muted">(${a.journal.length})</span></h3>
${a.journal.length > 0 ? a.journal.map(renderJournalEntry) : html`<p class="muted">The supplier made no calls to NOX in this attempt.</p>`}`;
}

// The trace's DOM snapshots, network and console per step, in Playwright's viewer: the file, and the command.
function renderTrace(trace: string, command: string | undefined): SafeHtml {
  return html`<div class="trace"><h3>Trace</h3><p><a href="${trace}" download>${trace}</a> (Playwright trace: each step's page, network and console). Open it with:</p>
${command && html`<pre class="command">${command}</pre>`}
<p class="muted">Add <code class="code">--port 0</code> after show-trace to serve the viewer to any browser tab instead (a machine without a display).</p></div>`;
}

function whyItFailed(a: AttemptRecord, s: ScenarioResult): SafeHtml {
  const f = a.failure ?? { code: 'UNKNOWN', message: 'failed without a recorded reason' };
  return html`<div class="callout failed"><h3>Why it failed <code class="code">${f.code}</code></h3><dl>
${f.expected === undefined ? html`<dt>Error</dt><dd><pre>${f.message}</pre></dd>` : html`<dt>Expected</dt><dd>${f.expected}</dd><dt>Actual</dt><dd>${f.actual ?? '(not recorded)'}</dd>`}
${f.hook && html`<dt>Hook</dt><dd><code class="code">${f.hook}</code>${f.location && html` at <code class="code">${f.location}</code>`}</dd>`}
${f.code_frame && html`<dt>Code</dt><dd><pre class="code-frame">${f.code_frame}</pre></dd>`}
${namesAnotherRule(f, s) && html`<dt>Rule</dt><dd>${f.rule ?? s.rule}${docsLink(f.docs ?? s.docs)}</dd>`}
</dl></div>`;
}

// The scenario's facts state its rule already: the failure box repeats it only when the failure names another.
function namesAnotherRule(f: ScenarioFailure, s: ScenarioResult): boolean {
  return (f.rule ?? s.rule) !== s.rule || (f.docs ?? s.docs) !== s.docs;
}

function renderStep(step: StepRecord, screenshots: Set<string>, overwritten: Set<string>): SafeHtml {
  const { screenshot } = step;
  const alt = `The browser after: ${step.name}`;
  const shot = !screenshot
    ? undefined
    : overwritten.has(screenshot)
      ? html`<span class="shot-missing">Screenshot overwritten by a later attempt: ${screenshot}</span>`
      : screenshots.has(screenshot)
        ? html`<a class="shot-link" href="${screenshotUrl(screenshot)}"><img class="shot" src="${screenshotUrl(screenshot)}" alt="${alt}" loading="lazy"></a>`
        : html`<span class="shot-missing">Screenshot not found: ${screenshot}</span>`;
  return html`<li class="step ${step.status}"><div class="step-line"><span class="mark">${marks[step.status]}</span><span class="step-name">${step.name}</span><span class="muted">${formatDuration(step.duration_ms)}</span></div>${shot}</li>`;
}

/** A link to the docs, only when they are a web address: "javascript:..." or a README anchor stays text. */
export function docsLink(docs: string | undefined): SafeHtml | undefined {
  if (!docs) return undefined;
  return /^https?:\/\//i.test(docs)
    ? html` <a href="${docs}" target="_blank" rel="noopener">${docs}</a>`
    : html` <span class="docs">${docs}</span>`;
}
