// The browser that the browser suites drive with playwright-core. playwright-core downloads no browser, so the suites
// use one that is installed: CHROMIUM_PATH when set, else the first of the usual install places. Without one, a
// contributor's `npm test` skips those suites and says so in one line; under CI they fail instead, so that a CI
// machine without a browser cannot pass while testing less. A CHROMIUM_PATH that leads nowhere fails everywhere.
import { existsSync } from 'node:fs';
import { win32 } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, it } from 'vitest';

type Env = Record<string, string | undefined>;

/** Where Chromium, Chrome or Edge (all drivable as Chromium) are installed by the usual packages, on `platform`. */
export function usualBrowserPaths(env: Env, platform: NodeJS.Platform): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root): root is string =>
      Boolean(root),
    );
    return roots.flatMap((root) => [
      win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      win32.join(root, 'Chromium', 'Application', 'chrome.exe'),
      win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge',
  ];
}

/** The Chromium that `npx playwright install chromium` puts in playwright's cache, wherever that is; none if unknown. */
function playwrightsOwnChromium(): string[] {
  try {
    return [chromium.executablePath()];
  } catch {
    return [];
  }
}

export interface FindBrowserOptions {
  env?: Env;
  exists?: (path: string) => boolean;
  platform?: NodeJS.Platform;
  /** Where to look when CHROMIUM_PATH is not set. Default: the usual install paths, then playwright's own download. */
  candidates?: string[];
}

/**
 * The browser executable to launch: CHROMIUM_PATH when set (an Error saying so when nothing is there: a path given on
 * purpose that is wrong must not quietly become another browser or none), else the first candidate that exists,
 * else undefined.
 */
export function findBrowser(options: FindBrowserOptions = {}): string | undefined {
  const { env = process.env, exists = existsSync, platform = process.platform } = options;
  const given = env.CHROMIUM_PATH;
  if (given) {
    if (exists(given)) return given;
    throw new Error(
      `CHROMIUM_PATH is set to '${given}', but there is no file there: point it at a Chromium or Chrome executable, or unset it to look in the usual places`,
    );
  }
  const candidates = options.candidates ?? [...usualBrowserPaths(env, platform), ...playwrightsOwnChromium()];
  return candidates.find((candidate) => exists(candidate));
}

/** Whether the run is a CI run (CI=true, as CI services set it), where a missing browser must fail, not skip. */
export function isCi(env: Env = process.env): boolean {
  return env.CI !== undefined && !['', '0', 'false'].includes(env.CI.toLowerCase());
}

/** What a browser suite does: run with the browser found, be skipped with a warning, or fail with the reason. */
export type BrowserPlan = { run: string } | { skip: string } | { fail: string };

/**
 * The plan for a browser suite called `name`. With no browser the suite is skipped, with one warning naming
 * CHROMIUM_PATH, except under CI or with a wrong CHROMIUM_PATH: then it fails, saying why.
 */
export function planBrowserSuite(name: string, options: FindBrowserOptions = {}): BrowserPlan {
  let found: string | undefined;
  try {
    found = findBrowser(options);
  } catch (error) {
    return { fail: (error as Error).message };
  }
  if (found) return { run: found };
  const problem = 'no Chromium or Chrome found in the usual install paths; set CHROMIUM_PATH to the executable of one';
  if (isCi(options.env ?? process.env))
    return { fail: `${problem} (CI is set: the browser suites must run there, not be skipped)` };
  return { skip: `SKIPPED "${name}": ${problem}` };
}

/** A describe block for tests that need a browser, as `planBrowserSuite` decides; `body` gets the executable path. */
export function describeWithBrowser(name: string, body: (executablePath: string) => void): void {
  const plan = planBrowserSuite(name);
  if ('fail' in plan) {
    describe(name, () => {
      it('finds a browser to run in', () => {
        throw new Error(plan.fail);
      });
    });
    return;
  }
  if ('skip' in plan) console.warn(plan.skip);
  describe.skipIf('skip' in plan)(name, () => body('run' in plan ? plan.run : ''));
}

/** Headless Chromium at `executablePath`, with the flags a test run wants (no sandbox in containers, no GPU, no background traffic). */
export async function launchBrowser(executablePath: string): Promise<import('playwright-core').Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
