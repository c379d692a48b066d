import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

/** The names Chromium is looked for on the PATH when NOX_TESTKIT_CHROMIUM is not set. */
/**
 * Searched in this order. Debian's chromium-headless-shell (Chromium's old headless mode, which Playwright
 * itself prefers) first: it builds no browser UI, so each scenario's context and pages cost far less CPU
 * (the catalogue against the reference supplier: 64 s with chromium, 35 s with the headless shell, same run).
 */
export const chromiumNames = ['chromium-headless-shell', 'chromium', 'chromium-browser', 'google-chrome'];

/** Every place on the PATH (then Debian's /usr/bin) where one of the names could be. */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const dirs = [...(env.PATH ?? '').split(delimiter).filter(Boolean), '/usr/bin'];
  return [...new Set(chromiumNames.flatMap((name) => dirs.map((dir) => join(dir, name))))];
}

/**
 * The features Playwright (1.65.1) turns off itself: a second --disable-features replaces its own, so they
 * are repeated here beside ours.
 */
const playwrightDisabledFeatures = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Headless Chromium still builds each window's omnibox popups as WebUI pages, each in a renderer of its
 * own: about 1 s of CPU for every browser context, the largest part of a scenario's, for a popup a
 * headless window never shows.
 */
export const unusedBrowserUi = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'WebUIOmniboxFullPopup'];

/**
 * Without the background-networking flags a closed network makes Chromium slow and noisy; the sandbox
 * does not work as root in containers.
 */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${[...playwrightDisabledFeatures, ...unusedBrowserUi].join(',')}`,
];

export interface FindChromiumOptions {
  env?: NodeJS.ProcessEnv;
  exists?: (path: string) => boolean;
  /** A visible window: chromium-headless-shell cannot open one, so it is passed over. */
  headed?: boolean;
}

/** The Chromium executable: NOX_TESTKIT_CHROMIUM when set, else the first installed candidate. */
export function findChromium(options: FindChromiumOptions = {}): string {
  const { env = process.env, exists = existsSync } = options;
  const configured = env.NOX_TESTKIT_CHROMIUM;
  if (configured) {
    if (exists(configured)) return configured;
    throw new Error(
      `NOX_TESTKIT_CHROMIUM is set to ${configured}, but no file is there. ` +
        'Point it at a Chromium or Chrome executable, or unset it to use an installed chromium.',
    );
  }
  const headless = (path: string) => path.endsWith('chromium-headless-shell');
  const found = chromiumCandidates(env).find((path) => exists(path) && !(options.headed && headless(path)));
  if (found) return found;
  if (options.headed)
    throw new Error(
      `--headed and --debug need a Chromium with a window (chromium, chromium-browser or google-chrome on the PATH), and found only chromium-headless-shell or none. Install one (Debian/Ubuntu: \`apt-get install -y chromium\`) or set NOX_TESTKIT_CHROMIUM to it.`,
    );
  throw new Error(
    `nox-testkit needs Chromium to drive the hosted pages, and found no ${chromiumNames.join(', ')} on the PATH. ` +
      'Install it (Debian/Ubuntu: `apt-get update && apt-get install -y chromium-headless-shell`, or `chromium`) or set ' +
      'NOX_TESTKIT_CHROMIUM to the path of a Chromium or Chrome executable. ' +
      '(`npx playwright install` is not needed: playwright-core drives the system browser.)',
  );
}

/** Starts headless Chromium (headed: a visible window); reuse one browser and give each flow its own context. */
export function launchBrowser(options: { headed?: boolean } = {}): Promise<Browser> {
  const { headed = false } = options;
  // The harness tears down on Ctrl-C itself (supplier, mock, reports): Playwright must not close the
  // browser or exit the process under it.
  return chromium.launch({
    executablePath: findChromium({ headed }),
    headless: !headed,
    args: headed ? chromiumArgs.filter((arg) => arg !== '--headless') : chromiumArgs,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}
