module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'loader-core',
  rootDir: __dirname,
  ...require('../../jest.database.js'),
};
