import { z } from 'zod';
import type { PolicyChanges } from '../../openapi/wire-types.ts';
import { reporterNames } from './reporter-names.ts';
import type { SupplierHooks } from './supplier-adapter.ts';

/** `--trace`: a Playwright trace of every attempt, of failed attempts only, or of none. */
export const traceModes = ['on', 'retain-on-failure', 'off'] as const;

const wholeNumber = (min: number, max: number, hint = '') => {
  const error = `expected a whole number from ${min} to ${max}${hint}`;
  return z.int({ error }).min(min, { error }).max(max, { error });
};
const text = z
  .string({ error: 'expected a non-empty string' })
  .refine((s) => s.trim() !== '', { error: 'expected a non-empty string' });
const httpUrl = z.url({
  protocol: /^https?$/,
  error: 'expected an http(s) URL such as http://127.0.0.1:3000',
});
const hook = <T>() =>
  z.custom<T>((value) => typeof value === 'function', { error: 'expected a function', abort: false });
const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The options of `nox-testkit run` a config file's `run` section may set; flags and env variables win over them. */
export const runOptionSchemas = {
  /** Scenarios at a time. */
  workers: wholeNumber(1, 32),
  /** How often a failing scenario runs again. */
  retries: wholeNumber(0, 5),
  reportDir: text,
  /** Advisory failures fail the run too. */
  strict: z.boolean({ error: 'expected true or false' }),
  /** Per scenario. */
  timeoutMs: wholeNumber(1000, 600_000, ' (milliseconds)'),
  /** Where a green run writes its Pact file. */
  pactDir: text,
  /** A Playwright trace per attempt: kept for every attempt, for failed ones only (the default), or none. */
  trace: z.enum(traceModes, { error: `expected one of ${traceModes.join(', ')}` }),
  /** A visible browser window (needs a display and a full Chromium, not chromium-headless-shell). */
  headed: z.boolean({ error: 'expected true or false' }),
  /** The reporters of the run (default: list, junit, json and html). */
  reporter: z
    .array(z.enum(reporterNames, { error: `expected one of ${reporterNames.join(', ')}` }), {
      error: `expected a list of reporter names (${reporterNames.join(', ')})`,
    })
    .min(1, { error: `expected at least one of ${reporterNames.join(', ')}` }),
};

/** The options of the mock NOX a config file's `mock` section may set (`url` for `run`, the rest for `serve`). */
export const mockOptionSchemas = {
  /** A mock that is already running (e.g. `nox-testkit serve` elsewhere): `run` uses it instead of its own. */
  url: httpUrl,
  port: wholeNumber(0, 65535, ' (0 picks a free port)'),
  host: text,
  /** The origin put into link_url, e.g. behind a proxy or in a container. */
  publicUrl: z
    .string({ error: 'expected an http(s) origin such as http://127.0.0.1:4400' })
    .regex(/^https?:\/\/[^/]+/, { error: 'expected an http(s) origin such as http://127.0.0.1:4400' })
    .transform((url) => url.replace(/\/+$/, '')),
  db: text,
  inMemory: z.boolean({ error: 'expected true or false' }),
  adminToken: text,
  /** Global policies applied at start, checked by `serve` like `PUT /__nox/policies`. */
  policies: z.custom<Partial<PolicyChanges>>(isObject, {
    error: 'expected an object of policies',
    abort: false,
  }),
};

/** The `mock` section of a config file, all `serve` reads of it. */
export const mockSectionSchema = z.strictObject(mockOptionSchemas).partial();

const hooksSchema = z.strictObject({
  startConnection: hook<SupplierHooks['startConnection']>(),
  readOutcome: hook<SupplierHooks['readOutcome']>(),
  readBack: hook<NonNullable<SupplierHooks['readBack']>>().optional(),
  changeSettings: hook<NonNullable<SupplierHooks['changeSettings']>>().optional(),
  readSettings: hook<NonNullable<SupplierHooks['readSettings']>>().optional(),
  logInOnOAuthPage: hook<NonNullable<SupplierHooks['logInOnOAuthPage']>>().optional(),
  refuseOnOAuthPage: hook<NonNullable<SupplierHooks['refuseOnOAuthPage']>>().optional(),
  failNextWebhook: hook<NonNullable<SupplierHooks['failNextWebhook']>>().optional(),
} satisfies Record<keyof SupplierHooks, z.ZodType>);

/** How to start the supplier app (or where a running one is), and how it is told where NOX is. */
export const supplierSchema = z
  .strictObject({
    /** Your organisation's name at NOX; the consumer name in reports and pacts. */
    name: text,
    /** Start the app: a shell command run from the config file's folder. Leave out to use `url`. */
    start: z
      .strictObject({
        command: text,
        /** Extra env for the app; the NOX variables below are added by the harness. */
        env: z.record(z.string(), z.string({ error: 'expected a string' })).optional(),
        /** How long to wait for the app to answer `readyPath` (default 20 s). */
        readyTimeoutMs: wholeNumber(1, 600_000, ' (milliseconds)').optional(),
      })
      .optional(),
    /**
     * The base URL of an app that is already running (then no process is started). It must already point
     * at the mock given by `mock.url` (or --mock-url) and use `apiKey` there.
     */
    url: httpUrl.optional(),
    /** With `url`: the API key the running app uses at the mock; the run uses that key's organisation. */
    apiKey: text.optional(),
    /** A path that answers 2xx once the app is ready (default "/"). */
    readyPath: z.string().startsWith('/', { error: 'expected a path starting with "/"' }).optional(),
    /** The env variables through which the app gets NOX's URLs, a fresh organisation's key and its port. */
    env: z.strictObject({ authUrl: text, apiUrl: text, apiKey: text, port: text }).partial().optional(),
    /**
     * The path of your OAuth login page on the app's base URL (manufacturer-app flow): the run's
     * organisation gets `<app origin><oauthLoginPath>` as its oauth_login_url.
     */
    oauthLoginPath: z.string().startsWith('/', { error: 'expected a path starting with "/"' }).optional(),
    /** The path of your webhook receiver: the run's organisation gets `<app origin><webhookPath>` as its webhook_url. */
    webhookPath: z.string().startsWith('/', { error: 'expected a path starting with "/"' }).optional(),
    /** Allowed redirect URLs of the run's organisation (default: the app's own origin). */
    redirectUrls: z.array(httpUrl).optional(),
    hooks: hooksSchema,
  })
  .refine((s) => s.start !== undefined || s.url !== undefined, {
    error: 'give start.command (to start the app) or url (a running app)',
    when: () => true,
  });

/** The whole of nox-testkit.config.ts. */
export const configSchema = z.strictObject(
  {
    supplier: supplierSchema,
    /** The mock NOX: started in-process unless `url` names a running one. */
    mock: mockSectionSchema.optional(),
    /** Folders (relative to the config file) with your own scenario files, run next to the built-in catalogue. */
    scenarioDirs: z.array(text).optional(),
    /** Defaults for `nox-testkit run`; flags and env variables win over them. */
    run: z.strictObject(runOptionSchemas).partial().optional(),
  },
  {
    error: (issue) =>
      issue.code === 'invalid_type'
        ? 'the default export must be defineConfig({ supplier: { ... } })'
        : undefined,
  },
);
