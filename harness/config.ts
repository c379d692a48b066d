// The harness's config part alone, a second public entry for `nox-testkit serve`: the `mock` section's
// schemas and the config checks, without the runner, the browser, the reporters' XML or Pact.
export { mockOptionSchemas, mockSectionSchema } from './config/config-schema.ts';
export { checkConfigPart, configName } from './config/define-config.ts';
