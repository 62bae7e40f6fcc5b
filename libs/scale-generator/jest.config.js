module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'scale-generator',
  rootDir: __dirname,
  ...require('../../jest.database.js'),
};
