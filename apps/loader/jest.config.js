module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'loader',
  rootDir: __dirname,
  ...require('../../jest.database.js'),
};
