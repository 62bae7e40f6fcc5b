module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'data-setup',
  rootDir: __dirname,
  ...require('../../jest.database.js'),
};
