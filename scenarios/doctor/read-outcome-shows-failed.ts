import { defineScenario } from '../../harness/index.ts';
import { describeOutcome, reachNox, saw } from './support/doctor-steps.ts';

export default defineScenario({
  name: 'readOutcome recognises your page after a failed return (the user cancelled)',
  rule: 'readOutcome must return { status: "failed", code } on the page your app shows when NOX sent the customer back with ?error= (code: NOX’s error, e.g. access_denied, if your page shows it), never "connected".',
  severity: 'required',
  tags: ['readOutcome'],
  async run(t) {
    await reachNox(t);
    await t.nox.cancel();
    const outcome = await t.supplier.outcome();
    t.expect.that(
      outcome.status === 'failed',
      'readOutcome to return { status: "failed" } after NOX sent the customer back with error=access_denied',
      `it returned ${describeOutcome(outcome, t.page.url())}`,
    );
    const code =
      outcome.status === 'failed' && outcome.code
        ? ''
        : ' (no code: return NOX’s error code if your page shows it)';
    await saw(t, `${describeOutcome(outcome, t.page.url())}${code}`);
  },
});
