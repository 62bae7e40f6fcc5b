module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'web-model',
  rootDir: __dirname,
};
