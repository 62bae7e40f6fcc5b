module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'variance',
  rootDir: __dirname,
};
