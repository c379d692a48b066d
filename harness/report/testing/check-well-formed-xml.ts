const name = '[A-Za-z_][\\w.:-]*';
const entity = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
// Characters XML 1.0 does not allow at all, even as references.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const invalidChar = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/u;

/** The problems that make `xml` not well-formed (empty when it is), for the subset of XML reporters write. */
export function checkWellFormedXml(xml: string): string[] {
  const problems: string[] = [];
  if (invalidChar.test(xml)) problems.push('a character XML 1.0 forbids');
  const body = xml.replace(/^<\?xml[^?]*\?>/, '');
  const open: string[] = [];
  let roots = 0;
  for (const [token] of body.matchAll(/<[^>]*>|[^<]+/g)) {
    if (!token.startsWith('<')) {
      if (entity.test(token)) problems.push(`a bare & in text: ${token.slice(0, 40)}`);
      if (open.length === 0 && token.trim() !== '')
        problems.push(`text outside the root: ${token.slice(0, 40)}`);
      continue;
    }
    const close = token.match(new RegExp(`^</(${name})\\s*>$`));
    if (close) {
      const expected = open.pop();
      if (expected !== close[1]) problems.push(`</${close[1]}> closes <${expected}>`);
      continue;
    }
    const tag = token.match(new RegExp(`^<(${name})((?:\\s+${name}="[^"<]*")*)\\s*(/?)>$`));
    if (!tag) {
      problems.push(`a malformed tag: ${token.slice(0, 60)}`);
      continue;
    }
    const attributes = [...(tag[2] ?? '').matchAll(new RegExp(`(${name})="([^"]*)"`, 'g'))];
    const names = attributes.map((a) => a[1]);
    if (new Set(names).size !== names.length) problems.push(`a repeated attribute in <${tag[1]}>`);
    for (const a of attributes) if (entity.test(a[2] ?? '')) problems.push(`a bare & in ${a[1]}="${a[2]}"`);
    if (open.length === 0) roots++;
    if (tag[3] !== '/') open.push(tag[1] ?? '');
  }
  if (open.length > 0) problems.push(`unclosed: ${open.join(', ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
