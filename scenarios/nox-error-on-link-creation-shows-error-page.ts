import { defineScenario } from '../harness/index.ts';

export default defineScenario({
  name: 'shows its own error page when NOX fails to create the link session',
  rule: 'Creating a link session can fail: NOX documents error answers ({ "error": … }) for the call, and then no link_url exists. The supplier must tell the customer the connection could not start (here after a 503) instead of crashing or showing a blank page.',
  docs: 'https://docs.nox.energy/api-docs/supplier-integration/supplier/create-supplier-link-session',
  severity: 'required',
  tags: ['failure', 'fault', 'v2'],
  exclusive: true,
  async run(t) {
    const fault = { method: 'POST', status: 503, times: 1 };
    await t.platform.setFaults({
      routes: [
        { ...fault, path: '/v2/supplier/link-sessions' },
        { ...fault, path: `/users/${encodeURIComponent(t.user)}/link` },
      ],
    });
    await t.supplier.startConnection({ assetType: 'hp' });
    const shown = await t.supplier.outcome().catch(() => null);
    const body = shown ? '' : ((await t.page.textContent('body').catch(() => null)) ?? '');
    t.expect.that(
      shown?.status === 'failed',
      'the supplier to show its own failure page when NOX answers 503 to the link-session call',
      shown
        ? 'the supplier shows "connected"'
        : `it showed neither "connected" nor a failure; the browser is on ${t.page.url()} showing "${body.trim().replace(/\s+/g, ' ').slice(0, 120)}"`,
    );
  },
});
