import { showControlChars } from './show-control-chars.ts';

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes text for an XML element's content. */
export function xmlText(text: string): string {
  return showControlChars(text).replace(/[&<>]/g, (c) => entities[c] ?? c);
}

/** Escapes text for a double-quoted XML attribute, keeping line breaks and tabs (which parsers would normalise). */
export function xmlAttribute(text: string): string {
  return showControlChars(text)
    .replace(/[&<>"']/g, (c) => entities[c] ?? c)
    .replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}
