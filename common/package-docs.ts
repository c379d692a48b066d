import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';

/** The docs the package ships (package.json `files`), by file name. */
export type PackageDoc = 'adapter.md' | 'ci.md' | 'contracts.md' | 'second-flow.md' | 'write-a-scenario.md';

/**
 * Where one of the package's docs is, as a message can name it: from the working folder when inside it
 * (`node_modules/nox-testkit/docs/adapter.md` in a supplier's project, `docs/adapter.md` here), else absolute.
 * Found beside the package's own package.json, so it holds from the sources and from the compiled dist/.
 */
export function docsPath(doc: PackageDoc, anchor?: string): string {
  const file = join(packageRoot(), 'docs', doc);
  const rel = relative(process.cwd(), file);
  const path = rel.startsWith('..') || isAbsolute(rel) ? file : rel;
  return anchor ? `${path}#${anchor}` : path;
}

let root: string | undefined;

/** The nearest folder above this file whose package.json is nox-testkit's. */
function packageRoot(): string {
  if (root) return root;
  for (let dir = import.meta.dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'nox-testkit') {
      root = dir;
      return dir;
    }
  }
  throw new Error(`nox-testkit's package.json was not found above ${import.meta.dirname}`);
}
