const clearLine = '\r\u001b[2K';

/** The last line of a terminal, rewritten in place; a no-op when the output is not a terminal. */
export interface StatusLine {
  /** Replaces the line with `text` (cut to the terminal's width). */
  show(text: string): void;
  /** Writes `text` as ordinary output above the line, which is shown again under it. */
  print(text: string): void;
  /** Leaves the line empty, e.g. before the summary. */
  clear(): void;
}

export function createStatusLine(
  write: (text: string) => void,
  enabled: boolean,
  columns: number,
): StatusLine {
  let shown = '';
  const show = (text: string) => {
    if (!enabled) return;
    shown = [...text].slice(0, Math.max(10, columns - 1)).join('');
    write(`${clearLine}${shown}`);
  };
  const clear = () => {
    if (shown !== '') write(clearLine);
    shown = '';
  };
  return {
    show,
    clear,
    print(text) {
      const again = shown;
      clear();
      write(text);
      if (again) show(again);
    },
  };
}

/** The scenarios running now, in the order they started, as "name (+2 more)" for a status line. */
export function createRunningSet() {
  const running = new Map<string, string>();
  return {
    start: (id: string, name: string) => void running.set(id, name),
    end: (id: string) => void running.delete(id),
    describe(): string {
      const names = [...running.values()];
      const latest = names.at(-1);
      if (latest === undefined) return '';
      return names.length > 1 ? `${latest} (+${names.length - 1} more)` : latest;
    },
  };
}
