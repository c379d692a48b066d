import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { AttemptRecord, RunError, RunResult, ScenarioFailure, ScenarioResult } from './run-result.ts';
import { showControlChars } from './show-control-chars.ts';

/**
 * A run as JUnit XML: one testsuite for the supplier (and its shard), one testcase per scenario, run or
 * not. A flaky scenario passes with Surefire's `<flakyFailure>` per earlier attempt, a failed one has
 * `<rerunFailure>` for them: the elements Maven Surefire and Gradle write and CI servers read.
 */
export function renderJunitXml(result: RunResult): string {
  const { counts } = result;
  const stats = {
    tests: result.scenarios.length + (result.error ? 1 : 0),
    failures: counts.failed,
    errors: result.error ? 1 : 0,
    // JUnit has no "not run": those are skipped there, their message saying why.
    skipped: counts.skipped + (counts.notRun ?? 0),
  };
  const shard = result.shard && `${result.shard.index}/${result.shard.count}`;
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', {
    name: 'nox-testkit',
    ...stats,
    time: seconds(result.duration_ms),
  });
  const suite = root.ele('testsuite', {
    name: attr(`nox-testkit: ${result.supplier}${shard ? ` (shard ${shard})` : ''}`),
    ...stats,
    time: seconds(result.duration_ms),
    timestamp: attr(result.started_at),
  });
  properties(suite, [
    ['supplier', result.supplier],
    ['strict', String(result.strict)],
    ['shard', shard],
    ['flaky', counts.flaky ? String(counts.flaky) : undefined],
    ['interrupted', result.interrupted ? 'true' : undefined],
  ]);
  for (const s of result.scenarios) testcase(suite, s);
  if (result.error) errored(suite, result.error);
  return `${root.end({ prettyPrint: true })}\n`;
}

// A run that could not start is one test case in error, so a CI's JUnit step shows why instead of finding no file.
function errored(suite: XMLBuilder, error: RunError): void {
  const test = suite.ele('testcase', {
    classname: 'nox-testkit.setup',
    name: attr(startStepNames[error.code] ?? 'start the run'),
    time: seconds(0),
  });
  test
    .ele('error', { message: attr(error.message.split('\n')[0] ?? ''), type: attr(error.code) })
    .txt(text(error.message));
}

const startStepNames: Record<string, string> = {
  SUPPLIER_START_FAILED: 'start the supplier app',
  MOCK_UNREACHABLE: 'reach the mock NOX',
  BROWSER_NOT_FOUND: 'launch Chromium',
};

function testcase(suite: XMLBuilder, s: ScenarioResult): void {
  const test = suite.ele('testcase', {
    classname: attr(`${s.severity}.${s.tags[0] ?? 'scenario'}`),
    name: attr(s.name),
    time: seconds(s.duration_ms),
  });
  properties(test, [
    ['rule', s.rule],
    ['docs', s.docs],
    ['severity', s.severity],
    ['tags', s.tags.join(', ')],
    ['attempts', String(s.attempts)],
    ['flaky', s.flaky ? 'true' : undefined],
  ]);
  const reason =
    s.status === 'not_run' ? `not run: ${s.reason ?? 'the run was stopped'}` : (s.reason ?? 'skipped');
  // GitLab reads a skip's reason from the element's text, Jenkins and most others from `message`.
  if (s.status === 'skipped' || s.status === 'not_run')
    test.ele('skipped', { message: attr(reason) }).txt(text(reason));
  const failed = s.status === 'failed';
  const f = s.failure ?? unknownFailure;
  // Surefire's order: the last failure, then the earlier attempts, then the output.
  if (failed) test.ele('failure', { message: attr(f.message), type: attr(f.code) }).txt(text(explain(f, s)));
  const earlier = failed ? 'rerunFailure' : 'flakyFailure';
  for (const attempt of s.previous_attempts ?? []) earlierFailure(test, earlier, attempt, s);
  if (failed) test.ele('system-out').txt(text(evidence(s)));
}

/** Surefire's shape: the failure's text in `<stackTrace>`, that attempt's evidence in `<system-out>`. */
function earlierFailure(test: XMLBuilder, element: string, attempt: AttemptRecord, s: ScenarioResult) {
  const f = attempt.failure ?? unknownFailure;
  const e = test.ele(element, {
    message: attr(`attempt ${attempt.attempt}: ${f.message}`),
    type: attr(f.code),
  });
  e.ele('stackTrace').txt(text(explain(f, s)));
  e.ele('system-out').txt(text(evidence(attempt)));
}

const unknownFailure: ScenarioFailure = { code: 'UNKNOWN', message: 'failed without a recorded reason' };

function explain(f: ScenarioFailure, s: ScenarioResult): string {
  return [
    f.expected !== undefined ? `Expected: ${f.expected}\nActual: ${f.actual ?? '(not recorded)'}` : f.message,
    ...(f.code_frame ? [f.code_frame] : []),
    `Rule: ${f.rule ?? s.rule}`,
    ...((f.docs ?? s.docs) ? [`Docs: ${f.docs ?? s.docs}`] : []),
  ].join('\n');
}

// What a CI page shows under a failed test: the steps, and the supplier's calls to NOX.
function evidence(a: Pick<AttemptRecord, 'steps' | 'journal' | 'show_trace'>): string {
  const steps = a.steps.map((step) => {
    const shot = step.screenshot ? ` [${step.screenshot}]` : '';
    return `${step.status === 'passed' ? 'ok  ' : 'FAIL'} ${step.name} (${step.duration_ms} ms)${shot}`;
  });
  const calls = a.journal.map((e) => `${e.request.method} ${e.request.path} -> ${e.response.status}`);
  return [
    'Steps:',
    ...(steps.length > 0 ? steps : ['(none)']),
    '',
    'Calls to NOX:',
    ...(calls.length > 0 ? calls : ['(none)']),
    ...(a.show_trace ? ['', `Trace: ${a.show_trace}`] : []),
  ].join('\n');
}

function properties(parent: XMLBuilder, list: [string, string | undefined][]): void {
  const present = list.filter((p): p is [string, string] => p[1] !== undefined && p[1] !== '');
  const element = parent.ele('properties');
  for (const [name, value] of present) element.ele('property', { name, value: attr(value) });
}

// xmlbuilder2 leaves an `&` that looks like an entity (`&amp;`, `&nbsp;`, `&#1;`) as it is, so page text
// could read back changed or make the file malformed: every `&` is escaped here, and the controls XML 1.0
// forbids are shown as text. Attributes also keep their line breaks and tabs, which parsers would normalise.
function text(value: string): string {
  return showControlChars(value).replace(/&/g, '&amp;');
}

function attr(value: string): string {
  return text(value).replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
