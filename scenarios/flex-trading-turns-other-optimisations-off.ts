import { defineScenario } from '../harness/index.ts';
import { connectWithoutNoxPages } from './support/connect-without-nox-pages.ts';
import { describeCalls } from './support/describe-calls.ts';

const others = ['pv_self_consumption', 'dynamic_tariff'] as const;

export default defineScenario({
  name: 'turns the other optimisations off when the customer chooses flex trading',
  rule: 'flex_trading is mutually exclusive with the other optimisations (NOX’s settings reference): enabling it disables pv_self_consumption and dynamic_tariff. The supplier must send (and show) it alone rather than a combination NOX refuses.',
  docs: 'https://docs.nox.energy/api-docs/full-control/user-management/patch-devices-settings',
  severity: 'required',
  tags: ['settings', 'v2', 'hp'],
  needs: ['changeSettings'],
  async run(t) {
    await connectWithoutNoxPages(t);
    await t.supplier.changeSettings({ optimisation: 'dynamic_tariff' });
    await t.supplier.changeSettings({ optimisation: 'flex_trading' });
    const patches = await t.journal({ method: 'PATCH', path: '/v1/devices/settings' });
    const last = patches.at(-1);
    const sent = (last?.request.body as { optimization_settings?: Record<string, unknown> } | undefined)
      ?.optimization_settings;
    t.expect.that(
      last?.response.status === 204 && sent?.flex_trading === true && others.every((o) => sent[o] !== true),
      'the last PATCH /v1/devices/settings to enable flex_trading alone, answered 204',
      `the supplier made ${describeCalls(patches)}; the last sent optimization_settings ${JSON.stringify(sent) ?? 'none'}`,
    );
    const held = (await t.platform.settings()).map((s) => s.optimization_settings);
    t.expect.that(
      held.every((o) => o.flex_trading === true && others.every((other) => o[other] !== true)),
      'NOX to hold flex_trading on and the other optimisations off for every heat pump',
      `it holds ${JSON.stringify(held)}`,
    );
  },
});
