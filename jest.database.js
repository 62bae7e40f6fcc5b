// For projects whose tests need a real PostgreSQL: one server per Jest run (see
// libs/database/src/testing). Database tests are slow to start, so give them room.
const path = require('node:path');

module.exports = {
  globalSetup: path.join(__dirname, 'libs/database/src/testing/global-setup.ts'),
  globalTeardown: path.join(__dirname, 'libs/database/src/testing/global-teardown.ts'),
  testTimeout: 60_000,
};
