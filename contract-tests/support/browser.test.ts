// The browser finder of the browser suites (support/browser.ts), with the environment and the file system given,
// so that what it decides does not depend on what this machine has installed.
import { describe, expect, it } from 'vitest';
import { findBrowser, isCi, planBrowserSuite, usualBrowserPaths } from './browser.js';

/** A file system holding only `files`. */
const only =
  (...files: string[]) =>
  (path: string) =>
    files.includes(path);

describe('findBrowser', () => {
  it('takes CHROMIUM_PATH when set and there, before any usual path', () => {
    expect(
      findBrowser({
        env: { CHROMIUM_PATH: '/opt/chrome/chrome' },
        exists: only('/opt/chrome/chrome', '/usr/bin/chromium'),
        platform: 'linux',
      }),
    ).toBe('/opt/chrome/chrome');
  });

  it('refuses a CHROMIUM_PATH with nothing there, naming it, rather than falling back to another browser', () => {
    expect(() =>
      findBrowser({
        env: { CHROMIUM_PATH: '/nowhere/chromium' },
        exists: only('/usr/bin/chromium'),
        platform: 'linux',
      }),
    ).toThrow("CHROMIUM_PATH is set to '/nowhere/chromium', but there is no file there");
  });

  it('otherwise takes the first usual install path that exists, for the platform', () => {
    expect(
      findBrowser({ env: {}, exists: only('/usr/bin/google-chrome-stable', '/snap/bin/chromium'), platform: 'linux' }),
    ).toBe('/usr/bin/google-chrome-stable');
    expect(
      findBrowser({
        env: {},
        exists: only('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'),
        platform: 'darwin',
      }),
    ).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    const windows = { PROGRAMFILES: 'C:\\Program Files' };
    expect(
      findBrowser({
        env: windows,
        exists: only('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'),
        platform: 'win32',
      }),
    ).toBe('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    // The Linux paths are not looked for on macOS.
    expect(
      findBrowser({
        env: {},
        exists: only('/usr/bin/chromium'),
        platform: 'darwin',
        candidates: usualBrowserPaths({}, 'darwin'),
      }),
    ).toBeUndefined();
  });

  it('finds nothing when nothing is installed', () => {
    expect(findBrowser({ env: {}, exists: () => false, platform: 'linux' })).toBeUndefined();
  });
});

describe('planBrowserSuite', () => {
  const nothing = { exists: () => false, platform: 'linux' as const };

  it('runs with the browser found', () => {
    expect(
      planBrowserSuite('suite', { env: { CI: 'true' }, exists: only('/usr/bin/chromium'), platform: 'linux' }),
    ).toEqual({ run: '/usr/bin/chromium' });
  });

  it('without a browser, outside CI: skipped with one line naming CHROMIUM_PATH', () => {
    const plan = planBrowserSuite('the API reference page', { env: {}, ...nothing });
    expect(plan).toEqual({ skip: expect.stringMatching(/^SKIPPED "the API reference page": .*set CHROMIUM_PATH/) });
    expect((plan as { skip: string }).skip).not.toContain('\n');
  });

  it('without a browser, under CI: fails, saying that no browser was found', () => {
    expect(planBrowserSuite('suite', { env: { CI: 'true' }, ...nothing })).toEqual({
      fail: expect.stringMatching(/^no Chromium or Chrome found.*CHROMIUM_PATH.*CI is set/),
    });
  });

  it('with a wrong CHROMIUM_PATH: fails, in CI or not', () => {
    for (const env of [{ CHROMIUM_PATH: '/nowhere/chromium' }, { CHROMIUM_PATH: '/nowhere/chromium', CI: 'true' }]) {
      expect(planBrowserSuite('suite', { env, exists: only('/usr/bin/chromium'), platform: 'linux' })).toEqual({
        fail: expect.stringContaining("CHROMIUM_PATH is set to '/nowhere/chromium'"),
      });
    }
  });
});

describe('isCi', () => {
  it('is true for CI=true or 1, false when unset, empty, 0 or false', () => {
    expect([isCi({ CI: 'true' }), isCi({ CI: '1' }), isCi({ CI: 'TRUE' })]).toEqual([true, true, true]);
    expect([isCi({}), isCi({ CI: '' }), isCi({ CI: '0' }), isCi({ CI: 'false' })]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
