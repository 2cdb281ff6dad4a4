const path = require('node:path');

// The Taro h5 runtime and babel-preset-taro read these when modules are loaded and transformed.
process.env.TARO_ENV = 'h5';
process.env.TARO_PLATFORM = 'web';
process.env.FRAMEWORK = 'react';

/** Packages published as untranspiled ES modules; everything else in node_modules is left alone. */
const esmPackages = [
  '@tarojs',
  '@nutui',
  '@stencil',
  'swiper',
  'ssr-window',
  'dom7',
  '@babel/runtime',
  '@swc/helpers',
  'query-string',
  'decode-uri-component',
  'split-on-first',
  'filter-obj',
];

/** @type {import('jest').Config} */
module.exports = {
  rootDir: '../..',
  displayName: 'ui',
  testEnvironment: 'jsdom',
  testEnvironmentOptions: { customExportConditions: [''] },
  testMatch: ['<rootDir>/tests/ui/**/*.test.ts?(x)'],
  setupFiles: ['<rootDir>/tests/ui/support/taro-env.js'],
  setupFilesAfterEnv: ['<rootDir>/tests/ui/support/setup.ts'],
  globals: {
    DEPRECATED_ADAPTER_COMPONENT: false,
    API_BASE_URL: '',
  },
  moduleNameMapper: {
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@tarojs/taro$': '@tarojs/taro-h5',
    '^lodash-es$': 'lodash',
    '^lodash-es/(.*)$': 'lodash/$1',
    '^@/(.*)$': '<rootDir>/src/$1',
    '\\.(css|scss|sass|less)$': 'identity-obj-proxy',
    '\\.(png|jpe?g|gif|svg)$': '<rootDir>/tests/ui/support/file-stub.js',
  },
  transform: {
    '^.+\\.(m?js|jsx|tsx?)$': ['babel-jest', { configFile: path.resolve(__dirname, '../../babel.config.js') }],
  },
  transformIgnorePatterns: [`<rootDir>/node_modules/(?!(${esmPackages.join('|')})/)`],
};
