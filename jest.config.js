/** One jest run, four layers; each layer keeps its own config beside its tests. */
module.exports = {
  projects: [
    '<rootDir>/tests/core/jest.config.js',
    '<rootDir>/tests/server/jest.config.js',
    '<rootDir>/tests/ui/jest.config.js',
    '<rootDir>/tests/e2e/jest.config.js',
    '<rootDir>/tests/weapp/jest.config.js',
  ],
};
