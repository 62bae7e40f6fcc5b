module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'market-sim',
  rootDir: __dirname,
};
