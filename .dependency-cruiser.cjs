// The allowed imports of docs/architecture.md ("What may import what"), one rule per line of its tables, checked by `npm run check`
// (`npm run lint:imports`). A forbidden import fails the check with the rule's name.
// Tests and their support files may reach into what they test, so rules judge production code only.
const tests = '(\\.(test|bench)\\.ts$|/test-support/|^test/)';
const ours = '^(cli|common|openapi|mock-nox|harness|contracts|scenarios|examples)/';
const surfaces = 'auth|data|pages|control';

/** A rule: `name` forbids imports from `from` to `to` (paths relative to the project root). */
const forbid = (name, comment, from, to) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from, pathNot: tests },
  to,
});

module.exports = {
  forbidden: [
    forbid(
      'cli-uses-public-entries',
      'cli/ is the composition root: it wires mock-nox, harness and contracts through their index.ts only (and harness/config/index.ts, the config part alone, so serve loads no runner)',
      '^cli/',
      {
        path: '^(mock-nox|harness|contracts)/',
        pathNot: '^(mock-nox|harness|contracts)/index\\.ts$|^harness/config/index\\.ts$',
      },
    ),
    forbid(
      'mock-nox-imports-only-openapi-and-common',
      'mock-nox is a service on its own: it may use openapi/ and common/, nothing else of ours',
      '^mock-nox/',
      { path: ours, pathNot: '^(mock-nox|openapi|common)/' },
    ),
    forbid(
      'harness-reaches-the-mock-over-http',
      'harness may use openapi/ (types, validator) and common/; it reaches the mock only over HTTP',
      '^harness/',
      { path: ours, pathNot: '^(harness|openapi|common)/' },
    ),
    forbid(
      'contracts-use-openapi-common-and-the-mock-entry',
      "contracts may use openapi/, common/ and mock-nox's public entry (for verification)",
      '^contracts/',
      { path: ours, pathNot: '^(contracts|openapi|common)/|^mock-nox/index\\.ts$' },
    ),
    forbid(
      'scenarios-use-the-harness-entry-only',
      "scenarios are written only against harness's public entry, like a supplier's own scenarios",
      '^scenarios/',
      { path: ours, pathNot: '^scenarios/|^harness/index\\.ts$' },
    ),
    forbid('common-imports-nothing-else', 'common/ is the little that several parts use', '^common/', {
      path: ours,
      pathNot: '^common/',
    }),
    forbid('openapi-imports-nothing-else', 'openapi/ is the wire truth; it depends on no part', '^openapi/', {
      path: ours,
      pathNot: '^(openapi|common)/',
    }),
    {
      ...forbid(
        'examples-are-a-supplier-app',
        'an example app is an app of its own: it never imports nox-testkit (only its adapter, nox-testkit.config.ts, does)',
        '^examples/',
        { path: ours, pathNot: '^examples/' },
      ),
      from: { path: '^examples/', pathNot: `${tests}|/nox-testkit\\.config\\.ts$` },
    },
    forbid(
      'mock-surfaces-never-import-each-other',
      'auth/, data/, pages/ and control/ go through domain/, http/, errors/, store/ and journal/',
      `^mock-nox/(${surfaces})/`,
      { path: `^mock-nox/(${surfaces})/`, pathNot: '^mock-nox/$1/' },
    ),
    forbid(
      'mock-parts-never-import-the-app',
      'app.ts, server.ts and index.ts assemble mock-nox; nothing inside it imports them',
      '^mock-nox/[^/]+/',
      { path: '^mock-nox/(app|server|index)\\.ts$' },
    ),
    forbid(
      'mock-domain-has-no-express-or-html',
      'domain/ holds the rules: no Express, no HTML, no surface and no http/ piece',
      '^mock-nox/domain/',
      { path: `(^|/)node_modules/express/|^mock-nox/(${surfaces}|http|outbound)/|^common/html\\.ts$` },
    ),
    forbid(
      'mock-shared-rooms-never-import-surfaces',
      'http/, errors/, journal/, store/ and outbound/ serve every surface, so they import none (a surface hands them what they need)',
      '^mock-nox/(http|errors|journal|store|outbound)/',
      { path: `^mock-nox/(${surfaces})/` },
    ),
    forbid(
      'production-never-imports-test-helpers',
      'test-support/ and test/ are for tests; the package leaves them out, so production code that imported them would break when installed',
      '.',
      { path: '(/test-support/|^test/)' },
    ),
    forbid(
      'bench-reaches-its-targets-through-commands-and-http',
      'bench/ measures whatever is in the tree through its public commands and HTTP, as a user would; it imports no part',
      '^bench/',
      { path: ours },
    ),
    forbid(
      'no-circular',
      'a cycle of imports (types included) means two files are one concept or a type is in the wrong place',
      '.',
      {
        circular: true,
      },
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|openapi/generated|\\.nox-testkit|reports|pacts)/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs'] },
  },
};
