module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'logging',
  rootDir: __dirname,
  // The runCli tests start real child processes (node + SWC): seconds each on a busy machine.
  testTimeout: 60_000,
};
