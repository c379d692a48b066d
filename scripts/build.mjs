// npm run build (and prepack): the package's compiled JavaScript and .d.ts in dist/, from a clean folder
// so a deleted source never lingers in a published tarball, plus the OpenAPI files the mock and the
// validator read at run time (beside the compiled openapi/, where import.meta.dirname finds them), each also
// as JSON: the package reads that at start, so a start neither loads nor runs the YAML parser.
// Then `serve`'s command module is bundled with the packages it runs on (see bundleServe).
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
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
await bundleServe();

/**
 * dist/cli/serve-command.js becomes one file holding the mock, its validator and the packages they use
 * (ajv, zod, lowdb...): loading its ~550 files one by one was most of a cold start; bundled, a
 * start to the first link session takes about half the CPU. Left as imports of their own files: what the rest of the CLI shares with
 * `serve` (common/, harness/errors.js), so an error class is one class on both sides of reportFailure's
 * instanceof; load-spec.js, which finds the spec files beside itself; and jiti, loaded only for a config file.
 */
async function bundleServe() {
  const dist = join(root, 'dist');
  const entry = join(dist, 'cli/serve-command.js');
  const isShared = (path) =>
    [join(dist, 'harness/errors.js'), join(dist, 'openapi/validator/load-spec.js')].includes(path) ||
    path.startsWith(join(dist, 'common/'));
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    outfile: entry,
    external: ['jiti'],
    // The CommonJS packages' require() of node's own modules, in an ES module.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'warning',
    plugins: [
      {
        name: 'keep-shared-modules',
        setup(b) {
          b.onResolve({ filter: /^\.\.?\// }, ({ path, resolveDir }) => {
            const target = resolve(resolveDir, path);
            if (!isShared(target)) return undefined;
            return { path: `./${relative(dirname(entry), target)}`, external: true };
          });
        },
      },
    ],
  });
  writeFileSync(entry, result.outputFiles[0].contents);
}
