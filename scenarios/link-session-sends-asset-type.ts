import { defineScenario } from '../harness/index.ts';

export default defineScenario({
  name: 'sends asset_type when it creates a link session',
  rule: 'The current v2 reference marks asset_type (hp or pv) required: it decides which brands NOX offers, and NOX answers 400 without it. Older examples omit it; a supplier must send it.',
  docs: 'https://docs.nox.energy/api-docs/supplier-integration/supplier/create-supplier-link-session',
  severity: 'required',
  tags: ['asset-type', 'v2', 'hp'],
  async run(t) {
    await t.supplier.startConnection({ assetType: 'hp' });
    const session = await t.nox.latestLinkSession();
    if (typeof session.request.redirect_uri === 'string')
      t.skip('the supplier uses the v1 API, which has no asset_type');
    t.expect.that(
      session.request.asset_type === 'hp',
      'the link session for a heat pump to carry asset_type "hp"',
      `it sent ${JSON.stringify(session.request.asset_type) ?? 'no asset_type'}`,
    );
  },
});
