// The bench's results: the targets judged (met / not met, printed, never asserted) and the table.
import { ratio } from './stats.ts';

/** One of issue #11's targets beside the figure this run measured. */
export interface TargetCheck {
  target: string;
  figure: number | null;
  goal: string;
  met: boolean | null;
}

export function atLeast(target: string, figure: number | null, min: number): TargetCheck {
  return { target, figure, goal: `>= ${min}`, met: figure === null ? null : figure >= min };
}

export function atMost(target: string, figure: number | null, max: number): TargetCheck {
  return { target, figure, goal: `<= ${max}`, met: figure === null ? null : figure <= max };
}

type Row = [string, ...string[]];

const fixed = (n: number | null | undefined, digits = 0) => (n == null ? '-' : n.toFixed(digits));

/** A plain-text table with a header row, columns padded to fit. */
export function table(header: Row, rows: Row[]): string {
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => (r[i] ?? '').length)));
  const line = (r: Row) =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

export function loadRows(
  figures: Record<
    string,
    { per_second: number; p50_ms: number; p99_ms: number; non_2xx: number; errors: number }
  >,
  baseline: string,
): Row[] {
  return Object.entries(figures).map(([name, f]) => [
    name,
    fixed(f.per_second),
    fixed(f.p50_ms, 1),
    fixed(f.p99_ms, 1),
    fixed(ratio(f.per_second, figures[baseline]?.per_second), 2),
    String(f.non_2xx + f.errors),
  ]);
}

export function figure(n: number | null | undefined, digits = 0): string {
  return fixed(n, digits);
}

export function targetRows(checks: TargetCheck[]): Row[] {
  return checks.map((c) => [
    c.target,
    fixed(c.figure, 2),
    c.goal,
    c.met === null ? 'not measured' : c.met ? 'met' : 'NOT MET',
  ]);
}
