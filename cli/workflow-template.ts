/** Where `nox-testkit init --github-actions` writes its workflow. */
export const workflowFile = '.github/workflows/nox-testkit.yml';

/**
 * A GitHub Actions workflow that runs the catalogue on every push and pull request, as docs/ci.md
 * describes it: Debian's Chromium, `npm ci`, the run, and its reports kept and shown whatever the outcome.
 */
export function workflowTemplate(): string {
  return `# Runs nox-testkit's scenarios against this app (written by "npx nox-testkit init --github-actions").
name: NOX integration
on: [push, pull_request]
jobs:
  nox:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with: { node-version: 20 }
      - run: sudo apt-get update && (sudo apt-get install -y chromium-headless-shell || sudo apt-get install -y chromium-browser || sudo apt-get install -y chromium)
      - run: npm ci
      - run: npx nox-testkit run
      - uses: actions/upload-artifact@v4
        if: always()
        with: { name: nox-report, path: reports/ }
      - uses: mikepenz/action-junit-report@v4
        if: always()
        with: { report_paths: 'reports/junit.xml' }
`;
}
