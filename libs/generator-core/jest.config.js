module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'generator-core',
  rootDir: __dirname,
  ...require('../../jest.database.js'),
};
