// npm test's set-up step: the Swagger UI test drives Debian's Chromium (playwright-core never
// downloads a browser). As root it installs it with apt-get when missing; anyone else gets a note
// and the tests run anyway: only the browser test needs Chromium, and it says so itself.
const { execSync } = require('node:child_process');
const { existsSync } = require('node:fs');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.warn(
      `Chromium not found at ${CHROMIUM}: the browser test (apps/api swagger-ui) will fail; every other test runs. ` +
        'Install it (sudo apt-get install chromium) or set CHROMIUM_PATH.',
    );
  } else {
    console.log('Installing Chromium for the browser test (apt-get install chromium)...');
    execSync(
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null',
      { stdio: 'inherit', shell: '/bin/bash' },
    );
  }
}
