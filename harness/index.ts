// The public API of nox-testkit's harness: what a config file and a scenario file import.

export type {
  CallbackPayload,
  JournalEntry,
  Policies,
  PolicyChanges,
  SettingsInForce,
  WebhookDelivery,
} from '../openapi/wire-types.ts';
export { mockOptionSchemas, mockSectionSchema, runOptionSchemas } from './config/config-schema.ts';
export type { NoxTestkitConfig, RunSettings, SupplierAdapter } from './config/define-config.ts';
export {
  checkConfigPart,
  configName,
  defaultConfigFile,
  defineConfig,
  loadConfig,
} from './config/define-config.ts';
export { reporterNames, toReporterKinds } from './config/reporter-names.ts';
export type {
  AdapterNeed,
  AssetType,
  ConnectOptions,
  HookContext,
  HookName,
  Language,
  ReadBack,
  SettingsChange,
  SettingsShown,
  SupplierHooks,
  SupplierOutcome,
} from './config/supplier-adapter.ts';
export {
  ExpectationFailed,
  HarnessError,
  HookFailed,
  INFRASTRUCTURE_EXIT_CODE,
  isInfrastructureError,
  ScenarioSkipped,
} from './errors.ts';
export type { ConsoleReporterOptions } from './report/console-output.ts';
export { createDoctorReporter, type DoctorReporterOptions } from './report/doctor-reporter.ts';
export { REPORT_FAILED_EXIT_CODE } from './report/reporter-multiplexer.ts';
export {
  createReporters,
  defaultReporterKinds,
  type ReporterKind,
  reporterKinds,
} from './report/reporters.ts';
export type {
  AttemptRecord,
  Reporter,
  RunError,
  RunPhase,
  RunResult,
  ScenarioFailure,
  ScenarioResult,
  Shard,
  UntestedFlow,
} from './report/run-result.ts';
export { builtInScenarioDir, loadScenarios, selectScenarios } from './runner/load-scenarios.ts';
export { type MockSource, type RunInput, run } from './runner/run.ts';
export type { Flow, Scenario, ScenarioDefinition, Severity } from './scenario/define-scenario.ts';
export { defineScenario } from './scenario/define-scenario.ts';
export { describeSentKeys } from './scenario/describe-sent-keys.ts';
export { describeUnsentOption } from './scenario/describe-unsent-option.ts';
export type {
  Expectations,
  JournalFilter,
  LinkEnd,
  LinkSessionSeen,
  ManufacturerStartOptions,
  ScenarioContext,
  SupplierAuthSeen,
  WebAppStartOptions,
} from './scenario/scenario-context.ts';
