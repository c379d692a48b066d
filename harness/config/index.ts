// The harness's config part alone, a second public entry: the `mock` and `run` sections' schemas, the
// config checks and the reporter names, without the runner, the browser, the reporters' XML or Pact. `serve`
// runs on it, and every command's options and help are defined from it (`--help` loads nothing more).
export {
  mockOptionSchemas,
  mockSectionSchema,
  runOptionSchemas,
  traceModes,
} from './config-schema.ts';
export { checkConfigPart, configName, defaultConfigFile } from './define-config.ts';
export { reporterNames, toReporterKinds } from './reporter-names.ts';
