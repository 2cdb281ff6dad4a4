const path = require('node:path');

const h5Platform = path.dirname(require.resolve('@tarojs/plugin-platform-h5/package.json'));

/**
 * The h5 build rewrites `Taro.request` and friends into named imports from @tarojs/taro-h5
 * (whose default export lacks most APIs); the tests compile the same way.
 */
const taroApiPlugin = [
  require.resolve('babel-plugin-transform-taroapi', { paths: [h5Platform] }),
  { packageName: '@tarojs/taro', definition: require(path.join(h5Platform, 'dist/definition.json')) },
];

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
    '^.+\\.(m?js|jsx|tsx?)$': [
      'babel-jest',
      { configFile: path.resolve(__dirname, '../../babel.config.js'), plugins: [taroApiPlugin] },
    ],
  },
  transformIgnorePatterns: [`<rootDir>/node_modules/(?!(${esmPackages.join('|')})/)`],
};
