module.exports = {
  displayName: 'e2e',
  rootDir: '../..',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
  transform: { '^.+\\.[jt]sx?$': require('../support/node-transform') },
  globalSetup: '<rootDir>/tests/e2e/global-setup.ts',
  setupFilesAfterEnv: ['<rootDir>/tests/e2e/support/browser-timeout.js'],
};
