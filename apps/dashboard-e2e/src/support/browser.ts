import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const NO_CHROMIUM_MESSAGE =
  'No Chromium found. Install one: `sudo apt-get install chromium` (Debian/Ubuntu) or ' +
  '`npx playwright install chromium`, or set CHROMIUM_PATH.';

const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function log(message: string): void {
  process.stderr.write(`[e2e] ${message}\n`);
}

/** Playwright's own download, when `npx playwright install chromium` has put one there. */
function playwrightChromium(): string | null {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function installedChromium(): string | null {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new Error(
        `CHROMIUM_PATH is set to ${fromEnv}, which does not exist. ${NO_CHROMIUM_MESSAGE}`,
      );
    }
    return fromEnv;
  }
  return SYSTEM_CHROMIUMS.find((path) => existsSync(path)) ?? playwrightChromium();
}

/** On Debian or Ubuntu as root, `apt-get install chromium`; elsewhere nothing can be done here. */
function tryToInstallChromium(): void {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get') || !existsSync('/etc/debian_version')) {
    log('No Chromium found, and this is not Debian/Ubuntu as root: cannot install one here.');
    return;
  }
  log('No Chromium found: running `apt-get update && apt-get install -y chromium` ...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const stdio: ['ignore', 'inherit', 'inherit'] = ['ignore', 'inherit', 'inherit'];
  const update = spawnSync('apt-get', ['update', '-qq'], { env, stdio });
  if (update.status !== 0) {
    log(`apt-get update failed (exit ${update.status})`);
    return;
  }
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { env, stdio });
  log(
    install.status === 0
      ? 'Installed chromium.'
      : `apt-get install chromium failed (exit ${install.status})`,
  );
}

/**
 * The Chromium to drive: $CHROMIUM_PATH, else /usr/bin/chromium, /usr/bin/chromium-browser,
 * /usr/bin/google-chrome, else Playwright's own download; when there is none, it tries to
 * install one (Debian as root), and otherwise throws: the browser tests never skip silently.
 */
export function findChromium(): string {
  const found = installedChromium();
  if (found) {
    return found;
  }
  tryToInstallChromium();
  const installed = installedChromium();
  if (!installed) {
    throw new Error(NO_CHROMIUM_MESSAGE);
  }
  return installed;
}

/** Headless Chromium; the path comes from global setup (HIM_E2E_CHROMIUM) or is looked up. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['HIM_E2E_CHROMIUM'] || findChromium(),
    headless: true,
    args: LAUNCH_ARGS,
  });
}
