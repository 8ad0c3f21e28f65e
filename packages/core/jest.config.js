module.exports = {
  ...require('../../shared/jest.preset.js'),
  roots: ['<rootDir>/test'],
  setupFiles: ['<rootDir>/test/helpers/nodeDefaults.ts'],
};
