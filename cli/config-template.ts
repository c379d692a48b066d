/** The project's module system, from its package.json `type` (CommonJS when absent, as Node takes it). */
export type ModuleSystem = 'esm' | 'cjs';

export interface ConfigTemplateInput {
  moduleSystem: ModuleSystem;
  /** The supplier's name to start from (the project's package name). */
  name: string;
  /** How the project starts its app, and whether that came from its package.json. */
  startCommand: string;
  hasStartScript: boolean;
  /** Where the adapter reference is, as the user can open it. */
  docs: string;
}

/**
 * A commented `nox-testkit.config.ts` with the two required hooks filled in for a typical app and the
 * optional ones shown: `import`/`export default` in an ES-module project, `require`/`module.exports` in a
 * CommonJS one (jiti loads either; the types come from `typeof import('nox-testkit')` there).
 */
export function configTemplate(input: ConfigTemplateInput): string {
  const [head, exportStart] =
    input.moduleSystem === 'esm'
      ? ["import { defineConfig } from 'nox-testkit';", 'export default defineConfig({']
      : [
          "const { defineConfig } = require('nox-testkit') as typeof import('nox-testkit');",
          'module.exports = defineConfig({',
        ];
  const startNote = input.hasStartScript
    ? '// Your package.json\'s "start" script; change it if your app starts another way for tests.'
    : '// Your package.json has no "start" script: put the command that starts your app here.';
  return `// How nox-testkit starts this app and drives its pages (written by "npx nox-testkit init").
// Change the start command and the selectors below to your app's, then:
//   npx nox-testkit doctor    calls each hook once and says what it saw and how to fix it
//   npx nox-testkit run       the whole catalogue; reports in reports/
// Every field and hook: ${input.docs}
${head}

${exportStart}
  supplier: {
    // Your organisation's name at NOX: reports and Pact files name you so.
    name: ${quote(input.name)},
    // Run from this folder with NOX_AUTH_URL, NOX_API_URL, NOX_API_KEY (a fresh organisation's) and PORT
    // in its env: your app takes NOX's base URLs and key from them and listens on PORT.
    ${startNote}
    start: { command: ${quote(input.startCommand)} },
    // A path that answers 2xx once your app is ready (polled for up to 20 s).
    readyPath: '/',
    // Flow 2, the link that starts in the manufacturer's app or NOX's web app: your OAuth login page and
    // your webhook receiver. Without them those scenarios are skipped, saying so.
    // oauthLoginPath: '/oauth/nox',
    // webhookPath: '/nox/webhooks',
    hooks: {
      // Required. Log in as \`user\` (a fresh id per scenario: let your test login take any id) and start
      // "connect my heat pump / solar panels", so the browser ends on NOX's pages. Pass assetType, brand
      // and language on to your app: scenarios check that NOX receives them.
      async startConnection({ page, baseUrl, user }, { assetType, brand, language }) {
        await page.goto(\`\${baseUrl}/test-login?user=\${encodeURIComponent(user)}\`);
        const query = new URLSearchParams({
          asset_type: assetType,
          ...(brand ? { brand } : {}),
          ...(language ? { language } : {}),
        });
        await page.goto(\`\${baseUrl}/connect?\${query}\`);
      },
      // Required. Recognise the page your app shows when the user comes back from NOX: connected, failed
      // (with NOX's error code if your page shows it), or null while it shows neither (the harness waits).
      async readOutcome({ page }) {
        if (await page.locator('[data-testid="nox-connected"]').count()) return { status: 'connected' };
        const failed = page.locator('[data-testid="nox-failed"]');
        if (await failed.count())
          return { status: 'failed', code: (await failed.first().getAttribute('data-error-code')) ?? undefined };
        return null;
      },
      // Optional: what your app stored for the customer, so scenarios can check your mapping.
      // async readBack({ baseUrl, user }) {
      //   const res = await fetch(\`\${baseUrl}/test/customers/\${encodeURIComponent(user)}\`);
      //   return res.ok ? res.json() : null;  // { nox_user_id, device_ids, status?, webhook_ids? }
      // },
      // Optional, flow 2: on your OAuth page (oauthLoginPath), log in as \`user\` and accept your terms.
      // async logInOnOAuthPage({ page, user }) {
      //   await page.fill('#customer-id', user);
      //   await page.click('button[type=submit]');
      // },
    },
  },
});
`;
}

/** A single-quoted TypeScript string, as the rest of the file writes them. */
function quote(text: string): string {
  return `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}
