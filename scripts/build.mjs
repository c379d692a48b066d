// npm run build (and prepack): the package's compiled JavaScript and .d.ts in dist/, from a clean folder
// so a deleted source never lingers in a published tarball, plus the OpenAPI files the mock and the
// validator read at run time (beside the compiled openapi/, where import.meta.dirname finds them).
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
for (const file of readdirSync(join(root, 'openapi')).filter((f) => f.endsWith('.yaml'))) {
  cpSync(join(root, 'openapi', file), join(root, 'dist/openapi', file));
}
