module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'portfolio-data',
  rootDir: __dirname,
  ...require('../../jest.database.js'),
};
