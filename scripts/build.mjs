// npm run build (and prepack): the package's compiled JavaScript and .d.ts in dist/, from a clean folder
// so a deleted source never lingers in a published tarball, plus the OpenAPI files the mock and the
// validator read at run time (beside the compiled openapi/, where import.meta.dirname finds them), each also
// as JSON: the package reads that at start, so a start neither loads nor runs the YAML parser.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
for (const file of readdirSync(join(root, 'openapi')).filter((f) => f.endsWith('.yaml'))) {
  cpSync(join(root, 'openapi', file), join(root, 'dist/openapi', file));
  const spec = parse(readFileSync(join(root, 'openapi', file), 'utf8'));
  writeFileSync(join(root, 'dist/openapi', file.replace(/\.yaml$/, '.json')), JSON.stringify(spec));
}
