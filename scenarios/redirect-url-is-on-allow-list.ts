import { defineScenario } from '../harness/index.ts';
import { describeCalls } from './support/describe-calls.ts';

export default defineScenario({
  name: 'creates link sessions with a redirect URL on its NOX allow-list',
  rule: 'redirect_url must be one of the supplier’s allowed redirect URLs configured at NOX; any other is refused with 400 and no link session is created.',
  docs: 'https://docs.nox.energy/api-docs/supplier-integration/supplier/create-supplier-link-session',
  severity: 'required',
  tags: ['security', 'v2', 'v1'],
  async run(t) {
    await t.supplier.startConnection({ assetType: 'hp' });
    const calls = (await t.journal({ method: 'POST' })).filter((e) =>
      /^\/(v2\/supplier\/link-sessions|users\/[^/]+\/link)$/.test(e.request.path),
    );
    const refused = calls.filter((e) => e.response.status >= 400);
    const reason = refused
      .map((e) => (e.response.body as { error?: unknown } | null)?.error)
      .filter((error) => typeof error === 'string')
      .join('; ');
    t.expect.that(
      calls.length > 0 && refused.length === 0,
      'NOX to accept the supplier’s link-session call (its redirect URL on the allow-list)',
      calls.length === 0
        ? 'the supplier made no link-session call'
        : `the supplier made ${describeCalls(calls)}${reason ? `: "${reason}"` : ''}`,
    );
  },
});
