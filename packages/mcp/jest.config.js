module.exports = { ...require('../../shared/jest.preset.js'), roots: ['<rootDir>/test'] };
