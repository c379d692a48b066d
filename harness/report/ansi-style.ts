const codes = { bold: 1, dim: 2, red: 31, green: 32, yellow: 33, cyan: 36 } as const;

export type AnsiStyle = Record<keyof typeof codes, (text: string) => string>;

/** Wrappers that add ANSI colours, or leave text as it is when `enabled` is false. */
export function createAnsiStyle(enabled: boolean): AnsiStyle {
  const style = (code: number) => (text: string) => (enabled ? `\u001b[${code}m${text}\u001b[0m` : text);
  return Object.fromEntries(Object.entries(codes).map(([name, code]) => [name, style(code)])) as AnsiStyle;
}

/** Whether to colour output: on a terminal, unless NO_COLOR is set (https://no-color.org). */
export function shouldUseColor(
  stream: { isTTY?: boolean } = process.stdout,
  env: Record<string, string | undefined> = process.env,
): boolean {
  return Boolean(stream.isTTY) && !env.NO_COLOR;
}
