import { defineScenario, describeUnsentOption } from '../harness/index.ts';
import { linkedNoxUser } from './support/linked-nox-user.ts';

export default defineScenario({
  name: 'pre-selects the brand so NOX skips the brand choice and opens the manufacturer login',
  rule: 'The optional brand of a link session pre-selects the manufacturer: NOX skips the brand choice and opens that manufacturer’s login directly.',
  docs: 'https://docs.nox.energy/api-docs/supplier-integration/supplier/create-supplier-link-session',
  severity: 'required',
  tags: ['happy-path', 'v2', 'hp', 'brand'],
  async run(t) {
    await t.supplier.startConnection({ assetType: 'hp', brand: 'nibe' });
    const session = await t.nox.latestLinkSession();
    t.expect.that(
      session.request.brand === 'nibe',
      'the link session to pre-select brand "nibe", the brand the customer chose',
      describeUnsentOption('brand', 'nibe', session.request.brand, 'NOX then shows its brand choice'),
    );
    const onLogin = (await t.page.locator('#username').count()) > 0;
    const onBrandChoice = (await t.page.locator('a[data-brand]').count()) > 0;
    t.expect.that(
      onLogin && !onBrandChoice,
      'the browser to land directly on NIBE’s login page',
      `it is on ${onBrandChoice ? 'NOX’s brand choice' : 'another page'} (${t.page.url()})`,
    );
    await t.nox.logIn(t.username());
    await t.expect.connected();
    const noxUser = await linkedNoxUser(t);
    await t.expect.readBack({ nox_user_id: noxUser.id, device_ids: noxUser.device_ids });
  },
});
