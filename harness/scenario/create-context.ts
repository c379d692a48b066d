import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { JournalEntry } from '../../mock-nox/journal.ts';
import type { HookContext, SupplierAdapter, SupplierOutcome } from '../config/supplier-adapter.ts';
import { ScenarioSkipped } from '../errors.ts';
import type { StepRecord } from '../report/run-result.ts';
import type { MockClient } from '../runner/mock-client.ts';
import type { Scenario } from './define-scenario.ts';
import { createExpectations } from './expectations.ts';
import { belongsTo } from './journal-scope.ts';
import type { LinkSessionSeen, ScenarioContext } from './scenario-context.ts';

export interface ContextDeps {
  scenario: Scenario;
  page: Page;
  adapter: SupplierAdapter;
  supplierUrl: string;
  mock: MockClient;
  organisationId: string;
  /** Journal entries with a higher id happened during this scenario. */
  journalStart: number;
  reportDir: string;
  steps: StepRecord[];
}

const fresh = () => randomBytes(4).toString('hex');
const OUTCOME_WAIT_MS = 10_000;

/** Builds `t` for one scenario run: its customers, its page, the hooks, the mock and the expectations. */
export function createScenarioContext(deps: ContextDeps): ScenarioContext {
  const { scenario, page, adapter, mock, organisationId: org } = deps;
  const users = new Set<string>();
  let user = '';
  const actAs = (next = `cust-${scenario.id.slice(0, 24)}-${fresh()}`) => {
    users.add(next);
    user = next;
    return next;
  };
  actAs();
  const hookCtx = (): HookContext => ({ page, baseUrl: deps.supplierUrl, user });

  const step = async <T>(name: string, action: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const record: StepRecord = { name, status: 'failed', duration_ms: 0 };
    deps.steps.push(record);
    try {
      const value = await action();
      record.status = 'passed';
      return value;
    } finally {
      record.duration_ms = Math.round(performance.now() - started);
      record.screenshot = await screenshot(deps, page, deps.steps.length);
    }
  };

  const state = () => mock.state(org);
  const journal = async (
    filter: { method?: string; path?: string | RegExp } = {},
  ): Promise<JournalEntry[]> => {
    const [entries, s] = await Promise.all([mock.journal(org, deps.journalStart), state()]);
    const scope = {
      users,
      noxUsers: new Set(s.nox_users.filter((u) => users.has(u.supplier_user_id)).map((u) => u.id)),
    };
    return entries.filter(
      (e) =>
        belongsTo(e, scope) &&
        (filter.method === undefined || e.request.method === filter.method) &&
        (filter.path === undefined ||
          (typeof filter.path === 'string'
            ? e.request.path === filter.path
            : filter.path.test(e.request.path))),
    );
  };

  const outcome = async (): Promise<SupplierOutcome> => {
    const deadline = Date.now() + OUTCOME_WAIT_MS;
    for (;;) {
      const seen = await adapter.hooks.readOutcome(hookCtx()).catch(() => null);
      if (seen) return seen;
      if (Date.now() > deadline) {
        throw new Error(
          `The supplier showed neither "connected" nor "failed" within ${OUTCOME_WAIT_MS / 1000} s; the browser is on ${page.url()}`,
        );
      }
      await page.waitForTimeout(100);
    }
  };

  const latestLinkSession = async (): Promise<LinkSessionSeen> => {
    const created = (await journal({ method: 'POST' })).filter(
      (e) =>
        e.response.status < 300 &&
        /^\/(v2\/supplier\/link-sessions|users\/[^/]+\/link)$/.test(e.request.path),
    );
    const last = created.at(-1);
    const response = (last?.response.body ?? {}) as Record<string, unknown>;
    const token = (response.link_token ??
      (response.data as Record<string, unknown> | undefined)?.link_token) as string | undefined;
    if (!last || !token) throw new Error(`The supplier created no link session for customer ${user}`);
    const session = (await state()).link_sessions.find((s) => s.token === token);
    return {
      token,
      request: (last.request.body ?? {}) as Record<string, unknown>,
      response,
      status: session?.status ?? 'unknown',
      error: session?.error ?? null,
      nox_user_id: session?.nox_user_id ?? null,
      device_ids: session?.device_ids ?? [],
    };
  };

  const click = (selector: string) => page.click(selector, { timeout: 5000 });
  const t: Omit<ScenarioContext, 'expect'> = {
    get user() {
      return user;
    },
    actAs,
    skip: (reason) => {
      throw new ScenarioSkipped(reason);
    },
    username: (...tags) => [`m${fresh()}`, ...tags].join('+'),
    page,
    step,
    supplier: {
      startConnection: (options = {}) =>
        step(`Start connecting as customer ${user}`, () =>
          adapter.hooks.startConnection(hookCtx(), { assetType: 'hp', ...options }),
        ),
      outcome: () => step('Read what the supplier shows', outcome),
      readBack: async () => {
        const readBack = adapter.hooks.readBack;
        if (!readBack) throw new ScenarioSkipped('the adapter has no readBack hook');
        return readBack(hookCtx());
      },
      open: (url) => step(`Open ${url}`, async () => void (await page.goto(url))),
      changeSettings: (change) => {
        const hook = adapter.hooks.changeSettings;
        if (!hook) throw new ScenarioSkipped('the adapter has no changeSettings hook');
        return step(`Change settings in the supplier's app: ${JSON.stringify(change)}`, () =>
          hook(hookCtx(), change),
        );
      },
    },
    nox: {
      chooseBrand: (slug) =>
        step(`Choose ${slug} on NOX's brand page`, () => click(`a[data-brand="${slug}"]`)),
      logIn: (username, password = 'secret') =>
        step(`Log in at the manufacturer as ${username}`, async () => {
          await page.fill('#username', username, { timeout: 5000 });
          await page.fill('#password', password);
          await click('button[value=login]');
        }),
      enterCode: (code = '123456') =>
        step(`Enter the one-time code ${code}`, async () => {
          await page.fill('#code', code, { timeout: 5000 });
          await click('button[value=verify]');
        }),
      cancel: () => step('Cancel at the manufacturer', () => click('button[value=cancel]')),
      latestLinkSession,
    },
    platform: {
      advanceClock: (seconds) =>
        step(`Advance NOX's clock by ${seconds} s`, () => mock.advanceClock(org, seconds)),
      setPolicies: (changes) =>
        step(`Set NOX policies ${JSON.stringify(changes)}`, () => mock.setPolicies(org, changes)),
      setFaults: (faults) =>
        step(`Set NOX faults ${JSON.stringify(faults)}`, () => mock.setFaults(org, faults)),
      complete: async (token, body) => (await mock.complete(token, body)).redirect_url,
      noxUser: async () => {
        const s = await state();
        const noxUser = s.nox_users.find((u) => u.supplier_user_id === user);
        if (!noxUser) return null;
        return {
          id: noxUser.id,
          device_ids: s.devices.filter((d) => d.nox_user_id === noxUser.id).map((d) => d.device_id),
        };
      },
    },
    journal,
  };
  return {
    ...t,
    get user() {
      return user;
    },
    expect: createExpectations(t, scenario.rule, scenario.docs),
  };
}

async function screenshot(deps: ContextDeps, page: Page, n: number): Promise<string | undefined> {
  try {
    const file = join('screenshots', `${deps.scenario.id}-${String(n).padStart(2, '0')}.png`);
    mkdirSync(join(deps.reportDir, 'screenshots'), { recursive: true });
    writeFileSync(join(deps.reportDir, file), await page.screenshot({ timeout: 3000 }));
    return file;
  } catch {
    return undefined;
  }
}
