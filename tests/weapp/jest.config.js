module.exports = {
  displayName: 'weapp',
  rootDir: '../..',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'],
  transform: { '^.+\\.[jt]sx?$': require('../support/node-transform') },
  globalSetup: '<rootDir>/tests/weapp/global-setup.ts',
  setupFilesAfterEnv: ['<rootDir>/tests/weapp/support/tool-timeout.js'],
};
