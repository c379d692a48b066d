import { defineScenario } from '../harness/index.ts';
import { connectWithoutNoxPages } from './support/connect-without-nox-pages.ts';
import { linkUrlOf } from './support/link-session-fields.ts';

export default defineScenario({
  name: 'shows a failure but keeps the existing connection when a used link is opened again',
  rule: 'A link session ends once it is used; it cannot connect again. Modelled by nox-testkit: opening a used link returns to redirect_url with error=session_consumed, which must not undo the connection already made.',
  docs: 'https://docs.nox.energy/guides/energy-supplier-integration',
  severity: 'required',
  tags: ['failure', 'v2', 'hp'],
  async run(t) {
    const { noxUser } = await connectWithoutNoxPages(t);
    const linkUrl = linkUrlOf(await t.nox.latestLinkSession());
    t.expect.that(linkUrl !== undefined, 'NOX’s answer to have a link_url', 'it has none');
    await t.supplier.open(linkUrl as string);
    await t.expect.failed('session_consumed');
    await t.expect.readBack({ nox_user_id: noxUser.id, device_ids: noxUser.device_ids });
  },
});
