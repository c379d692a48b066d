import pc from 'picocolors';

/** Colours by name (bold, dim, red, green, yellow…), or functions that leave the text as it is. */
export type Colors = ReturnType<typeof pc.createColors>;

/** What the console reporters (list, line, dot) share. */
export interface ConsoleReporterOptions {
  /** Where the text goes; process.stdout by default. */
  write?: (text: string) => void;
  /** ANSI colours; by default picocolors' choice: a terminal or CI, unless NO_COLOR is set (FORCE_COLOR forces them). */
  color?: boolean;
  /** A terminal whose last line can be rewritten (the running scenario); process.stdout's by default. */
  tty?: boolean;
  /** The terminal's width, to keep the rewritten line on one row; process.stdout's (or 80) by default. */
  columns?: number;
  /** The files the other reporters write, named in the summary; without it the summary names the folder only. */
  reportFiles?: string[];
}

export interface ConsoleOutput {
  write: (text: string) => void;
  colors: Colors;
  tty: boolean;
  columns: number;
}

/** The options with their defaults filled in. */
export function consoleOutput(options: ConsoleReporterOptions): ConsoleOutput {
  return {
    write: options.write ?? ((text: string) => void process.stdout.write(text)),
    colors: pc.createColors(options.color ?? pc.isColorSupported),
    tty: options.tty ?? Boolean(process.stdout.isTTY),
    // A pseudo-terminal without a size reports 0 columns.
    columns: options.columns ?? (process.stdout.columns || 80),
  };
}

/** "1 scenario", "2 scenarios". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
