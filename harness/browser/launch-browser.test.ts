import { describe, expect, test } from 'vitest';
import { findChromium, launchBrowser } from './launch-browser.ts';

describe('findChromium', () => {
  test('uses NOX_TESTKIT_CHROMIUM before the standard paths', () => {
    const path = findChromium({ env: { NOX_TESTKIT_CHROMIUM: '/opt/chrome/chrome' }, exists: () => true });
    expect(path).toBe('/opt/chrome/chrome');
  });

  test("falls back to Debian's path when nothing is on the PATH", () => {
    const path = findChromium({ env: {}, exists: (p) => p === '/usr/bin/chromium-browser' });
    expect(path).toBe('/usr/bin/chromium-browser');
  });

  test("prefers Debian's chromium-headless-shell to a full chromium beside it", () => {
    const installed = ['/usr/bin/chromium', '/usr/bin/chromium-headless-shell'];
    const path = findChromium({ env: { PATH: '/usr/bin' }, exists: (p) => installed.includes(p) });
    expect(path).toBe('/usr/bin/chromium-headless-shell');
  });

  test('headed (--headed, --debug) passes over chromium-headless-shell, which has no window, and says so when only it is there', () => {
    const installed = ['/usr/bin/chromium', '/usr/bin/chromium-headless-shell'];
    const exists = (p: string) => installed.includes(p);
    expect(findChromium({ env: { PATH: '/usr/bin' }, exists, headed: true })).toBe('/usr/bin/chromium');
    const onlyShell = (p: string) => p === '/usr/bin/chromium-headless-shell';
    expect(() => findChromium({ env: { PATH: '/usr/bin' }, exists: onlyShell, headed: true })).toThrow(
      '--headed and --debug need a Chromium with a window (chromium, chromium-browser or google-chrome on the PATH), and found only chromium-headless-shell or none',
    );
  });

  test('finds a chromium on the PATH, as setup does', () => {
    const path = findChromium({
      env: { PATH: '/opt/a:/snap/bin' },
      exists: (p) => p === '/snap/bin/chromium',
    });
    expect(path).toBe('/snap/bin/chromium');
  });

  test('tells how to install Chromium or point at one when none is found', () => {
    expect(() => findChromium({ env: {}, exists: () => false })).toThrow(
      /apt-get install -y chromium-headless-shell.*NOX_TESTKIT_CHROMIUM/s,
    );
  });

  test('names the bad path when NOX_TESTKIT_CHROMIUM points nowhere', () => {
    expect(() =>
      findChromium({ env: { NOX_TESTKIT_CHROMIUM: '/nope/chrome' }, exists: () => false }),
    ).toThrow('NOX_TESTKIT_CHROMIUM is set to /nope/chrome');
  });
});

describe('launchBrowser', () => {
  test('a new context opens no browser UI of its own (the omnibox popups), only its page', async () => {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext();
      await context.newPage();
      const cdp = await browser.newBrowserCDPSession();
      const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{}] });
      expect(targetInfos.filter((t) => t.type === 'browser_ui').map((t) => t.url)).toEqual([]);
      expect(targetInfos.filter((t) => t.type === 'page').map((t) => t.url)).toEqual(['about:blank']);
    } finally {
      await browser.close();
    }
  });
});
