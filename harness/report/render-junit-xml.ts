import { xmlAttribute as attr, xmlText as text } from './escape-xml.ts';
import type { RunResult, ScenarioResult } from './run-result.ts';

/** A run as JUnit XML: one testsuite for the supplier, one testcase per scenario. */
export function renderJunitXml(result: RunResult): string {
  const { counts } = result;
  const total = result.scenarios.length;
  const stats = `tests="${total}" failures="${counts.failed}" errors="0" skipped="${counts.skipped}"`;
  const time = `time="${seconds(result.duration_ms)}" timestamp="${attr(result.started_at)}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="nox-testkit" ${stats} time="${seconds(result.duration_ms)}">`,
    `  <testsuite name="nox-testkit: ${attr(result.supplier)}" ${stats} ${time}>`,
    '    <properties>',
    property('supplier', result.supplier, 6),
    property('strict', String(result.strict), 6),
    '    </properties>',
    ...result.scenarios.map(testcase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function testcase(s: ScenarioResult): string {
  const classname = `${s.severity}.${s.tags[0] ?? 'scenario'}`;
  const properties = [
    ['rule', s.rule],
    ['docs', s.docs],
    ['severity', s.severity],
    ['tags', s.tags.join(', ')],
    ['attempts', String(s.attempts)],
  ].filter((p): p is [string, string] => p[1] !== undefined && p[1] !== '');
  return [
    `    <testcase classname="${attr(classname)}" name="${attr(s.name)}" time="${seconds(s.duration_ms)}">`,
    '      <properties>',
    ...properties.map(([name, value]) => property(name, value, 8)),
    '      </properties>',
    ...outcome(s),
    '    </testcase>',
  ].join('\n');
}

function outcome(s: ScenarioResult): string[] {
  if (s.status === 'skipped') return [`      <skipped message="${attr(s.reason ?? 'skipped')}"/>`];
  if (s.status === 'passed') return [];
  const f = s.failure ?? { code: 'UNKNOWN', message: 'failed without a recorded reason' };
  const explained = [
    f.expected !== undefined ? `Expected: ${f.expected}\nActual: ${f.actual ?? '(not recorded)'}` : f.message,
    `Rule: ${f.rule ?? s.rule}`,
    ...((f.docs ?? s.docs) ? [`Docs: ${f.docs ?? s.docs}`] : []),
  ].join('\n');
  return [
    `      <failure message="${attr(f.message)}" type="${attr(f.code)}">${text(explained)}</failure>`,
    `      <system-out>${text(evidence(s))}</system-out>`,
  ];
}

// What a CI page shows under a failed test: the steps, and the supplier's calls to NOX.
function evidence(s: ScenarioResult): string {
  const steps = s.steps.map((step) => {
    const shot = step.screenshot ? ` [${step.screenshot}]` : '';
    return `${step.status === 'passed' ? 'ok  ' : 'FAIL'} ${step.name} (${step.duration_ms} ms)${shot}`;
  });
  const calls = s.journal.map((e) => `${e.request.method} ${e.request.path} -> ${e.response.status}`);
  return [
    'Steps:',
    ...(steps.length > 0 ? steps : ['(none)']),
    '',
    'Calls to NOX:',
    ...(calls.length > 0 ? calls : ['(none)']),
  ].join('\n');
}

function property(name: string, value: string, indent: number): string {
  return `${' '.repeat(indent)}<property name="${attr(name)}" value="${attr(value)}"/>`;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
