import type { Page } from 'playwright-core';
import type { SupplierAdapter } from '../../config/define-config.ts';
import type { HookContext, HookName, SupplierOutcome } from '../../config/supplier-adapter.ts';
import { ExpectationFailed, ScenarioSkipped } from '../../errors.ts';
import { adapterHas } from '../adapter-needs.ts';
import type { CustomerVisits } from '../customer-visits.ts';
import { callHook, type HookTracker } from '../hook-failure.ts';
import { pageText } from '../page-text.ts';
import type { ScenarioContext } from '../scenario-context.ts';
import type { ActorDeps } from './actor-deps.ts';

const OUTCOME_WAIT_MS = 10_000;

export interface SupplierActorDeps extends ActorDeps {
  adapter: SupplierAdapter;
  supplierUrl: string;
  /** Each startConnection and open begins a visit of the current customer. */
  visits: CustomerVisits;
  /** Told which hook runs, so a timeout inside one names it. */
  hookTracker?: HookTracker;
}

/**
 * Until the page next loads (the outcome usually comes with a navigation: the redirect back to the app)
 * or, for a page that changes without one, a pause growing from 25 to 250 ms.
 */
function nextLoadOrPause(page: Page, ms: number): Promise<unknown> {
  return page.waitForEvent('load', { timeout: ms }).catch(() => undefined);
}

/** The supplier's app, driven through the adapter's hooks as the current customer. */
export function createSupplierActor(deps: SupplierActorDeps): ScenarioContext['supplier'] {
  const { adapter, page, step, customers } = deps;
  const tracker = deps.hookTracker ?? {};
  const hookCtx = (): HookContext => ({ page, baseUrl: deps.supplierUrl, user: customers.current() });
  // A missing optional hook skips the scenario with the reason: it must never pass untested.
  const optionalHook = <K extends Exclude<HookName, 'startConnection' | 'readOutcome'>>(name: K) => {
    const hook = adapter.hooks[name];
    if (!hook) throw new ScenarioSkipped(`the adapter has no ${name} hook`, [name]);
    return hook as NonNullable<SupplierAdapter['hooks'][K]>;
  };
  const call = <T>(name: HookName, run: () => Promise<T>, polled = false) =>
    callHook(name, () => page.url(), tracker, run, polled);

  const outcome = async (): Promise<SupplierOutcome> => {
    const deadline = Date.now() + OUTCOME_WAIT_MS;
    // A throw while the page navigates is expected and polled past; one still thrown at the deadline is the hook's.
    let thrown: unknown;
    for (let pause = 25; ; pause = Math.min(pause * 2, 250)) {
      const seen = await call('readOutcome', () => adapter.hooks.readOutcome(hookCtx()), true).then(
        (value) => {
          thrown = undefined;
          return value;
        },
        (error: unknown) => {
          thrown = error;
          return null;
        },
      );
      if (seen) return seen;
      // A wait another one beat (oauthEnd races two) runs on until its scenario closes the page: it ends
      // there, instead of polling a closed page until its deadline and keeping the run alive that long.
      if (page.isClosed()) throw new Error('the page was closed while waiting for the supplier’s outcome');
      if (Date.now() > deadline) {
        if (thrown) {
          await tracker.onFailure?.('readOutcome');
          throw thrown;
        }
        const text = (await pageText(page)).slice(0, 160);
        throw new ExpectationFailed(
          'the supplier to show "connected" or a failure page',
          `it showed neither within ${OUTCOME_WAIT_MS / 1000} s: the browser is on ${page.url()}, showing "${text}"`,
          deps.scenario.rule,
          deps.scenario.docs,
        );
      }
      await nextLoadOrPause(page, pause);
    }
  };

  return {
    startConnection: (options = {}) =>
      step(`Start connecting as customer ${customers.current()}`, async () => {
        await deps.visits.mark(customers.current());
        await call('startConnection', () =>
          adapter.hooks.startConnection(hookCtx(), { assetType: 'hp', ...options }),
        );
      }),
    outcome,
    readBack: async () => {
      const hook = optionalHook('readBack');
      return call('readBack', () => hook(hookCtx()));
    },
    open: (url) =>
      step(`Open ${url}`, async () => {
        await deps.visits.mark(customers.current());
        await page.goto(url);
      }),
    has: (need) => adapterHas(adapter, need),
    changeSettings: (change) => {
      const hook = optionalHook('changeSettings');
      return step(`Change settings in the supplier's app: ${JSON.stringify(change)}`, () =>
        call('changeSettings', () => hook(hookCtx(), change)),
      );
    },
    readSettings: () => {
      const hook = optionalHook('readSettings');
      return step(`Read the settings the supplier's app shows customer ${customers.current()}`, () =>
        call('readSettings', () => hook(hookCtx())),
      );
    },
    logInOnOAuthPage: () => {
      const hook = optionalHook('logInOnOAuthPage');
      return step(`Log in on the supplier's OAuth page as ${customers.current()} and accept`, () =>
        call('logInOnOAuthPage', () => hook(hookCtx())),
      );
    },
    refuseOnOAuthPage: () => {
      const hook = optionalHook('refuseOnOAuthPage');
      return step(`Log in on the supplier's OAuth page as ${customers.current()} and refuse`, () =>
        call('refuseOnOAuthPage', () => hook(hookCtx())),
      );
    },
    failNextWebhook: () => {
      const hook = optionalHook('failNextWebhook');
      // The receiver's switch changes nothing on screen: no screenshot.
      return step(
        "Make the supplier's webhook receiver fail its next delivery",
        () => call('failNextWebhook', () => hook(hookCtx())),
        false,
      );
    },
  };
}
