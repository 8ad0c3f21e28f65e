module.exports = { ...require('../shared/jest.preset.js'), roots: ['<rootDir>/test'], setupFiles: ['<rootDir>/test/harness/env.ts'], testTimeout: 120000 };
