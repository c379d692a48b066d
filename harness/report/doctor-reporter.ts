import type { SupplierAdapter } from '../config/define-config.ts';
import type { AdapterNeed } from '../config/supplier-adapter.ts';
import { adapterHas } from '../scenario/adapter-needs.ts';
import { type ConsoleReporterOptions, consoleOutput, count } from './console-output.ts';
import { createPhaseDescriber } from './describe-phase.ts';
import type { Reporter, RunResult, ScenarioResult } from './run-result.ts';
import { showControlChars } from './show-control-chars.ts';

/** A text with each URL query value over 24 characters cut to its start and "…" (callback data is long). */
function shortUrls(text: string): string {
  return showControlChars(text).replace(/([?&][^=&\s]+=)([^&\s",]{24})[^&\s",]+/g, '$1$2…');
}

/** The hooks and paths in the order the adapter reference lists them; a doctor check's first tag is one. */
const ORDER: AdapterNeed[] = [
  'startConnection',
  'readOutcome',
  'readBack',
  'changeSettings',
  'readSettings',
  'logInOnOAuthPage',
  'refuseOnOAuthPage',
  'failNextWebhook',
  'webhookPath',
];
const REQUIRED = ['startConnection', 'readOutcome'];

export interface DoctorReporterOptions extends ConsoleReporterOptions {
  adapter: SupplierAdapter;
  /** How many scenarios of the catalogue need each optional hook or path (a missing one's cost). */
  neededBy: Partial<Record<AdapterNeed, number>>;
  /** Where the hooks are explained, as the user can open it. */
  docs: string;
}

/**
 * `nox-testkit doctor`'s console: the start-up phases, then per hook what each check saw (its last step,
 * "Saw: …"), or what it expected and saw and how to fix it (the check's rule), or why it did not run; a
 * hook no check calls is listed as given or not, with the scenarios that need it. A check's severity says
 * whether its hook is required.
 */
export function createDoctorReporter(options: DoctorReporterOptions): Reporter {
  const { write, colors } = consoleOutput(options);
  const phase = createPhaseDescriber();
  const width = Math.max(...ORDER.map((n) => n.length)) + 2;
  const label = (need: string) => need.padEnd(width);
  const indent = ' '.repeat(width + 4);
  const needs = (n: number) => `${count(n, 'scenario')} of the catalogue ${n === 1 ? 'needs' : 'need'}`;

  const checkLines = (need: string, r: ScenarioResult): string[] => {
    if (r.status === 'passed') {
      const seen = [...r.steps].reverse().find((s) => s.name.startsWith('Saw: '));
      return [`  ${colors.green('✓')} ${label(need)}${shortUrls(seen?.name.slice(5) ?? r.name)}`];
    }
    if (r.status === 'skipped') {
      const missing = r.reason?.startsWith('the adapter has no')
        ? options.neededBy[need as AdapterNeed]
        : undefined;
      const unlocks = missing ? `; ${needs(missing)} it` : '';
      return [
        `  ${colors.dim('–')} ${label(need)}${colors.dim(shortUrls(`${r.reason ?? 'skipped'}${unlocks}`))}`,
      ];
    }
    const f = r.failure;
    const mark = r.severity === 'required' ? colors.red('✗') : colors.yellow('✗');
    return [
      `  ${mark} ${label(need)}${r.name}`,
      ...(f?.expected ? [`${indent}expected  ${shortUrls(f.expected)}`] : []),
      `${indent}saw       ${shortUrls(f?.actual ?? f?.message ?? 'the check failed')}`,
      `${indent}fix       ${r.rule}`,
    ];
  };

  const uncheckedLine = (need: AdapterNeed): string => {
    const n = options.neededBy[need] ?? 0;
    const what = adapterHas(options.adapter, need)
      ? `given; doctor does not call it (${needs(n)} it)`
      : `not given: ${needs(n)} it`;
    return `  ${colors.dim('–')} ${label(need)}${colors.dim(what)}`;
  };

  return {
    name: 'doctor',
    onPhase: (p) => write(`${colors.dim(phase(p))}\n`),
    onRunStart: ({ supplier, total }) =>
      write(
        `\nChecking the hooks of ${showControlChars(supplier)}: ${count(total, 'check')}, each hook called once\n\n`,
      ),
    onRunEnd(result: RunResult) {
      const lines: string[] = [];
      for (const need of ORDER) {
        const checks = result.scenarios.filter((r) => r.tags[0] === need);
        if (checks.length === 0) lines.push(uncheckedLine(need));
        for (const r of checks) lines.push(...checkLines(need, r));
      }
      const failed = result.scenarios.filter((r) => r.status === 'failed');
      const broken = [...new Set(failed.filter((r) => r.severity === 'required').map((r) => r.tags[0]))];
      const optional = [...new Set(failed.filter((r) => r.severity !== 'required').map((r) => r.tags[0]))];
      const verdict =
        broken.length > 0
          ? colors.red(
              `BROKEN: ${broken.join(', ')} (required). Fix ${broken.length > 1 ? 'them' : 'it'} as said above, then run "npx nox-testkit doctor" again.`,
            )
          : colors.green(
              `The required hooks (${REQUIRED.join(', ')}) work${optional.length > 0 ? `; optional hooks broken: ${optional.join(', ')}` : ''}. Next: "npx nox-testkit run".`,
            );
      write(`${lines.join('\n')}\n\n  The hooks explained: ${options.docs}\n\n${colors.bold(verdict)}\n`);
    },
  };
}
