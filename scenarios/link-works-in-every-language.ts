import { defineScenario, describeUnsentOption, type Language } from '../harness/index.ts';

// nl, NOX's default, comes last: a supplier that always sends nl (or whatever its own default is) fails
// on the first language, with what it sent in the message, instead of passing a round by accident.
const languages: Language[] = ['en', 'fr', 'es', 'nl'];

export default defineScenario({
  name: 'creates the link session in the customer’s language and the link works in nl, en, fr and es',
  rule: 'A link session’s optional language (nl, en, fr or es; default nl) sets the language of NOX’s pages; the supplier passes the customer’s language, and the flow completes in each.',
  docs: 'https://docs.nox.energy/api-docs/supplier-integration/supplier/create-supplier-link-session',
  severity: 'required',
  tags: ['happy-path', 'v2', 'hp', 'language'],
  async run(t) {
    for (const language of languages) {
      t.actAs();
      await t.supplier.startConnection({ assetType: 'hp', language });
      const session = await t.nox.latestLinkSession();
      t.expect.that(
        session.request.language === language,
        `the link session of a customer who chose "${language}" to carry language "${language}"`,
        describeUnsentOption('language', language, session.request.language, 'NOX then uses nl'),
      );
      const shown = await t.page.getAttribute('html', 'lang');
      t.expect.that(
        shown === language,
        `NOX’s brand page to be in "${language}"`,
        `it is in ${JSON.stringify(shown)} (${t.page.url()})`,
      );
      // The pages after the brand choice are language-independent for the supplier: finish without them.
      const callbackUrl = await t.platform.complete(session.token, {
        brand: 'daikin',
        username: t.username(),
      });
      if (callbackUrl === null) throw new Error(`NOX did not complete link session ${session.token}`);
      await t.supplier.open(callbackUrl);
      await t.expect.connected();
    }
  },
});
