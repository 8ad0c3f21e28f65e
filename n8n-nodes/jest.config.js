module.exports = { ...require('../shared/jest.preset.js'), roots: ['<rootDir>/test'], setupFiles: ['<rootDir>/harness/env.ts'], testTimeout: 120000 };
