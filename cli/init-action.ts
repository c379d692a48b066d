// `nox-testkit init` itself, loaded by its command only when it runs (cli/init-command.ts defines it).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { docsPath } from '../common/package-docs.ts';
import { defaultConfigFile } from '../harness/config/index.ts';
import { configTemplate, type ModuleSystem } from './config-template.ts';
import { UsageError } from './report-failure.ts';
import { workflowFile, workflowTemplate } from './workflow-template.ts';

export interface InitFlags {
  githubActions?: boolean;
}

/** Writes the files into `dir`, or none when one of them is there already (thrown, exit 1). Returns 0. */
export function initCommand(flags: InitFlags, dir: string): number {
  const pkg = readPackageJson(dir);
  const moduleSystem: ModuleSystem = pkg.type === 'module' ? 'esm' : 'cjs';
  const start = pkg.scripts?.start;
  const files: [string, string][] = [
    [
      defaultConfigFile,
      configTemplate({
        moduleSystem,
        name: pkg.name || 'My Energy',
        startCommand: 'npm start',
        hasStartScript: typeof start === 'string',
        docs: docsPath('adapter.md'),
      }),
    ],
    ...(flags.githubActions ? [[workflowFile, workflowTemplate()] as [string, string]] : []),
  ];
  const there = files.map(([file]) => file).filter((file) => existsSync(join(dir, file)));
  if (there.length > 0)
    throw new Error(
      `${there.join(' and ')} ${there.length > 1 ? 'exist' : 'exists'} already; nothing was written (init never overwrites a file). Edit ${there.length > 1 ? 'them' : 'it'}, or move ${there.length > 1 ? 'them' : 'it'} away and run init again.`,
    );
  for (const [file, text] of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    // 'wx': a file that appeared since the check is still not overwritten.
    writeFileSync(join(dir, file), text, { flag: 'wx' });
  }
  const kind = moduleSystem === 'esm' ? 'an ES module ("type": "module")' : 'CommonJS (no "type": "module")';
  process.stdout.write(
    [
      `Wrote ${defaultConfigFile}, as ${kind} like your package.json.`,
      ...(flags.githubActions
        ? [`Wrote ${workflowFile}: the catalogue on every push and pull request.`]
        : []),
      '',
      'Next:',
      `  1. Edit ${defaultConfigFile}: your app's start command and the selectors of its pages.`,
      '  2. npx nox-testkit doctor    # calls each hook once: what it saw, how to fix it',
      '  3. npx nox-testkit run       # the whole catalogue',
      `The hooks explained: ${docsPath('adapter.md')}`,
      '',
    ].join('\n'),
  );
  return 0;
}

interface PackageJson {
  name?: string;
  type?: string;
  scripts?: Record<string, unknown>;
}

/** The project's package.json: init writes for the module system it names. */
function readPackageJson(dir: string): PackageJson {
  const file = join(dir, 'package.json');
  if (!existsSync(file))
    throw new UsageError(
      `no package.json in ${dir}: run init in your project's folder, beside its package.json (or "npm init -y" first)`,
    );
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON (${(error as Error).message})`);
  }
}
