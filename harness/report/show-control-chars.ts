// C0/C1 controls (but tab, newline, carriage return), DEL, the two non-characters and lone surrogates:
// invalid in XML 1.0, and able to drive a terminal when page text is echoed.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const controlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|\p{Cs}/gu;

/** Replaces control characters with a visible `\u001b` so echoed text cannot break a file or a terminal. */
export function showControlChars(text: string): string {
  return text.replace(controlChars, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
