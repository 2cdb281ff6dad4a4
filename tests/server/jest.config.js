module.exports = {
  displayName: 'server',
  rootDir: '../..',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/server/**/*.test.ts'],
  transform: { '^.+\\.[jt]sx?$': require('../support/node-transform') },
  globalSetup: '<rootDir>/tests/support/require-postgres.js',
  setupFilesAfterEnv: ['<rootDir>/tests/support/slow-tests.js'],
};
