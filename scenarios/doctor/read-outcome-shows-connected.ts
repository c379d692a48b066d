import { defineScenario } from '../../harness/index.ts';
import { describeOutcome, reachNox, saw } from './support/doctor-steps.ts';

export default defineScenario({
  name: 'readOutcome recognises your page after a connected return',
  rule: 'readOutcome must return { status: "connected" } on the page your app shows once NOX sent the customer back connected (and null while the page shows neither): change its selector to that page’s.',
  severity: 'required',
  tags: ['readOutcome'],
  async run(t) {
    await reachNox(t);
    await t.nox.logIn(t.username());
    const outcome = await t.supplier.outcome();
    t.expect.that(
      outcome.status === 'connected',
      'readOutcome to return { status: "connected" } after NOX connected the customer',
      `it returned ${describeOutcome(outcome, t.page.url())}`,
    );
    await saw(t, describeOutcome(outcome, t.page.url()));
  },
});
