/** Debian's Chromium, as every browser test launches it: headless, and with nothing that talks to the network. */
import { accessSync, constants } from 'node:fs';

/** Where a Chromium is looked for when `CHROMIUM_PATH` is not set: Debian's package first. */
const USUAL_PLACES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The browser to launch, or why there is none, in the one line a skipped or failed run prints. */
export type ChromiumLookup =
  { readonly found: true; readonly path: string } | { readonly found: false; readonly why: string };

/** Finds the Chromium the browser tests drive: `CHROMIUM_PATH` when set (it must exist), else the usual places. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  const given = env['CHROMIUM_PATH'];
  const candidates = given === undefined || given === '' ? USUAL_PLACES : [given];
  const path = candidates.find(isExecutable);
  if (path !== undefined) return { found: true, path };
  const where =
    given === undefined || given === ''
      ? `no Chromium at ${USUAL_PLACES.join(', ')}`
      : `CHROMIUM_PATH=${given} does not exist`;
  return {
    found: false,
    why: `browser tests need Chromium: ${where}; install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary`,
  };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const lookup = findChromium();

/** The Chromium binary the browser tests launch (only read when one was found). */
export const CHROMIUM_PATH = lookup.found ? lookup.path : '';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;
