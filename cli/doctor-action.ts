// `nox-testkit doctor` itself, loaded by its command only when it runs (cli/doctor-command.ts defines it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docsPath } from '../common/package-docs.ts';
import {
  type AdapterNeed,
  builtInScenarioDir,
  createDoctorReporter,
  loadConfig,
  loadScenarios,
} from '../harness/index.ts';
import { configFileOf, loadCatalogue } from './load-catalogue.ts';
import { resolveRunSettings } from './run-settings.ts';
import { runWithMock } from './run-with-mock.ts';

export interface DoctorFlags {
  config?: string;
  mockUrl?: string;
}

/** The doctor's checks: scenarios of their own, one hook each, beside the catalogue (scenarios/doctor/). */
const checkDir = join(builtInScenarioDir, 'doctor');

/**
 * A run of the doctor's checks against the app, as `run` starts it; the reporter prints per hook what it
 * saw. Its screenshots go to a folder of its own, removed after: the user's reports/ are left as they are.
 */
export async function doctorCommand(flags: DoctorFlags): Promise<number> {
  const { config, dir, name } = await loadConfig(configFileOf(flags.config).file);
  const settings = resolveRunSettings(
    { config: flags.config, mockUrl: flags.mockUrl },
    process.env,
    config,
    name,
  );
  const [checks, catalogue] = await Promise.all([loadScenarios([checkDir]), loadCatalogue(config, dir)]);
  const neededBy: Partial<Record<AdapterNeed, number>> = {};
  for (const need of catalogue.flatMap((s) => s.needs ?? [])) neededBy[need] = (neededBy[need] ?? 0) + 1;
  const reportDir = mkdtempSync(join(tmpdir(), 'nox-doctor-'));
  try {
    const result = await runWithMock({
      config,
      configDir: dir,
      settings: { ...settings, reportDir, retries: 0, strict: false, pactDir: undefined },
      scenarios: checks,
      reporters: [
        createDoctorReporter({ adapter: config.supplier, neededBy, docs: docsPath('adapter.md', 'hooks') }),
      ],
    });
    return result.exit_code;
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
}
