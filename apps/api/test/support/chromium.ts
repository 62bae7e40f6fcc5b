import { existsSync } from 'node:fs';

/** Where the browser test finds Chromium: CHROMIUM_PATH, else Debian's package. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/**
 * The browser test cannot run without Chromium: it fails at once with one line saying how to get
 * it, before any database or API is started (npm test installs it when run as root).
 */
export function requireChromium(env: NodeJS.ProcessEnv = process.env): string {
  const path = chromiumPath(env);
  if (!existsSync(path)) {
    throw new Error(
      `This browser test needs Chromium, not found at ${path}: install it (sudo apt-get install chromium; npm test does it when run as root) or set CHROMIUM_PATH to a Chromium or Chrome binary.`,
    );
  }
  return path;
}
