import type { SupplierAuthSeen } from '../scenario-context.ts';
import type { Flow2Deps } from './flow2-deps.ts';
import { offeredOnPage } from './offered-on-page.ts';
import { reachSupplierAuth } from './reach-supplier-auth.ts';

/**
 * In NOX's energy-supplier selector, chooses the run's supplier (by its organisation id: names need not be
 * unique on a shared mock) and waits for the supplier's OAuth page. A selector without it fails, saying why.
 */
export async function chooseSupplier(deps: Flow2Deps): Promise<SupplierAuthSeen> {
  const { page, step, scenario, organisation } = deps;
  await step(`Choose ${organisation.name} in NOX's energy-supplier selector`, async () => {
    const button = `button[data-supplier="${organisation.id}"]`;
    await offeredOnPage(
      page,
      scenario,
      `NOX's energy-supplier selector to offer ${organisation.name}`,
      button,
      () => page.click(button),
    );
  });
  return reachSupplierAuth(deps);
}
