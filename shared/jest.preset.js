// Shared jest preset: TypeScript through swc (type checking is the `typecheck` task's job),
// workspace packages resolved to their sources so tests never need a prior build.
const path = require('node:path');
const root = path.resolve(__dirname, '..');

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  moduleNameMapper: {
    '^@aikynetix/core$': path.join(root, 'packages/core/src/index.ts'),
    '^@aikynetix/core/(.*)$': path.join(root, 'packages/core/src/$1'),
    '^@aikynetix/simulator$': path.join(root, 'packages/simulator/src/index.ts'),
  },
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 30000,
  reporters: ['default', path.join(__dirname, 'jest-results-reporter.js')],
};
