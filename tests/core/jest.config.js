module.exports = {
  displayName: 'core',
  rootDir: '../..',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/core/**/*.test.ts'],
  transform: { '^.+\\.[jt]sx?$': require('../support/node-transform') },
};
