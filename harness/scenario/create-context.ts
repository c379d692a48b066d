import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { HookContext, SupplierAdapter, SupplierOutcome } from '../config/supplier-adapter.ts';
import { ExpectationFailed, ScenarioSkipped } from '../errors.ts';
import type { StepRecord } from '../report/run-result.ts';
import type { MockClient } from '../runner/mock-client.ts';
import type { Faults, JournalEntry } from '../wire-types.ts';
import type { Scenario } from './define-scenario.ts';
import { createExpectations } from './expectations.ts';
import { belongsTo } from './journal-scope.ts';
import type { JournalFilter, LinkSessionSeen, ScenarioContext } from './scenario-context.ts';

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

  /** A step with a screenshot after it, unless it only talks to the platform (nothing changes on screen). */
  const step = async <T>(name: string, action: () => Promise<T>, shot = true): Promise<T> => {
    const started = performance.now();
    const record: StepRecord = { name, status: 'failed', duration_ms: 0 };
    deps.steps.push(record);
    try {
      const value = await action();
      record.status = 'passed';
      return value;
    } finally {
      record.duration_ms = Math.round(performance.now() - started);
      if (shot) record.screenshot = await screenshot(deps, page, deps.steps.length);
    }
  };

  const state = () => mock.state(org);
  const journal = async (filter: JournalFilter = {}): Promise<JournalEntry[]> => {
    const [entries, s] = await Promise.all([mock.journal(org, deps.journalStart), state()]);
    const scope = {
      users,
      noxUsers: new Set(s.nox_users.filter((u) => users.has(u.supplier_user_id)).map((u) => u.id)),
    };
    return entries.filter(
      (e) =>
        (filter.scope === 'organisation' ? e.area !== 'page' : belongsTo(e, scope)) &&
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
        const body = await page
          .locator('body')
          .textContent({ timeout: 1000 })
          .catch(() => '');
        const text = (body || '(an empty page)').replace(/\s+/g, ' ').slice(0, 160);
        throw new ExpectationFailed(
          'the supplier to show "connected" or a failure page',
          `it showed neither within ${OUTCOME_WAIT_MS / 1000} s: the browser is on ${page.url()}, showing "${text}"`,
          scenario.rule,
          scenario.docs,
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
    if (!last || !token) {
      const attempts = (await journal({ method: 'POST' })).filter((e) => /link/.test(e.request.path));
      const seen = attempts.map(
        (e) => `POST ${e.request.path} → ${e.response.status}: ${JSON.stringify(e.response.body)}`,
      );
      throw new ExpectationFailed(
        `the supplier to create a link session for customer ${user}`,
        seen.length ? `NOX refused it: ${seen.join('; ')}` : 'it made no such call to NOX',
        scenario.rule,
        scenario.docs,
      );
    }
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
  /** The user's NOX steps need NOX's pages: say where the browser is instead of timing out on a selector. */
  const onNox = async (what: string) => {
    const here = URL.canParse(page.url()) ? new URL(page.url()) : undefined;
    const nox = new URL(mock.baseUrl);
    if (here && here.port === nox.port && ['127.0.0.1', 'localhost'].includes(here.hostname)) return;
    const body = await page
      .locator('body')
      .textContent({ timeout: 1000 })
      .catch(() => '');
    const text = (body || '(an empty page)').replace(/\s+/g, ' ').trim().slice(0, 160);
    throw new ExpectationFailed(
      `the browser to be on NOX's pages to ${what}`,
      `it is on ${page.url()}, showing "${text}"`,
      scenario.rule,
      scenario.docs,
    );
  };
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
      outcome,
      readBack: async () => {
        const readBack = adapter.hooks.readBack;
        if (!readBack) throw new ScenarioSkipped('the adapter has no readBack hook');
        return readBack(hookCtx());
      },
      open: (url) => step(`Open ${url}`, async () => void (await page.goto(url))),
      has: (hook) => typeof adapter.hooks[hook] === 'function',
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
        step(`Choose ${slug} on NOX's brand page`, async () => {
          await onNox(`choose ${slug}`);
          await click(`a[data-brand="${slug}"]`);
        }),
      logIn: (username, password = 'secret') =>
        step(`Log in at the manufacturer as ${username}`, async () => {
          await onNox('log in at the manufacturer');
          await page.fill('#username', username, { timeout: 5000 });
          await page.fill('#password', password);
          await click('button[value=login]');
        }),
      enterCode: (code = '123456') =>
        step(`Enter the one-time code ${code}`, async () => {
          await onNox('enter the one-time code');
          await page.fill('#code', code, { timeout: 5000 });
          await click('button[value=verify]');
        }),
      cancel: () =>
        step('Cancel at the manufacturer', async () => {
          await onNox('cancel at the manufacturer');
          await click('button[value=cancel]');
        }),
      latestLinkSession,
    },
    platform: {
      advanceClock: (seconds) =>
        step(`Advance NOX's clock by ${seconds} s`, () => mock.advanceClock(org, seconds), false),
      setPolicies: (changes) =>
        step(`Set NOX policies ${JSON.stringify(changes)}`, () => mock.setPolicies(org, changes), false),
      setFaults: (faults) =>
        step(`Set NOX faults ${JSON.stringify(faults)}`, () => mock.setFaults(org, faults as Faults), false),
      complete: async (token, body) => (await mock.complete(token, body)).redirect_url,
      settings: async () => {
        const s = await state();
        const ids = new Set(s.nox_users.filter((u) => u.supplier_user_id === user).map((u) => u.id));
        return s.settings_in_force.filter((row) => ids.has(row.nox_user_id));
      },
      manufacturerChangesSettings: (change) =>
        step(
          `The manufacturer changes settings: ${JSON.stringify(change)}`,
          async () => {
            const s = await state();
            const noxUser = s.nox_users.find((u) => u.supplier_user_id === user);
            const brand = s.devices.find((d) => d.nox_user_id === noxUser?.id)?.brand;
            if (!noxUser || !brand)
              throw new Error(`customer ${user} has no device at NOX, so there is nothing to change`);
            // The manufacturer of the customer's devices: an organisation of its own, so its calls stay out of the supplier's journal.
            const maker = await mock.createOrganisation({
              kind: 'manufacturer',
              name: `${brand} (nox-testkit)`,
              brands: [brand],
            });
            const res = await fetch(new URL('/v1/devices/settings', mock.baseUrl), {
              method: 'PATCH',
              headers: { 'content-type': 'application/json', 'x-api-key': maker.api_key },
              body: JSON.stringify({ user_id: noxUser.id, ...change }),
            });
            if (res.status !== 204)
              throw new Error(
                `the manufacturer's PATCH /v1/devices/settings answered ${res.status}: ${await res.text()}`,
              );
          },
          false,
        ),
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
    // JPEG: on a 2-core CI machine PNG encoding of every step was a large share of the run.
    const file = join('screenshots', `${deps.scenario.id}-${String(n).padStart(2, '0')}.jpg`);
    mkdirSync(join(deps.reportDir, 'screenshots'), { recursive: true });
    writeFileSync(
      join(deps.reportDir, file),
      await page.screenshot({ timeout: 3000, type: 'jpeg', quality: 70 }),
    );
    return file;
  } catch {
    return undefined;
  }
}
