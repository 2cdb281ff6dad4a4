import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const isH5 = process.env.TARO_ENV === 'h5';

/**
 * The h5 build is served by our own API server at `/`, so it calls the API on the same origin.
 * The mini-program needs an absolute URL (a WeChat request domain in production).
 */
const apiBaseUrl = isH5 ? '' : process.env.API_BASE_URL || 'http://127.0.0.1:3000';

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'yunshang-weiketang',
    date: '2025-11-29',
    // NutUI is drawn for a 375 design width; our own styles use Taro's 750.
    designWidth(input) {
      const file = typeof input === 'object' && input !== null ? input.file : undefined;
      if (typeof file === 'string' && file.replace(/\\+/g, '/').includes('@nutui')) {
        return 375;
      }
      return 750;
    },
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    defineConstants: {
      API_BASE_URL: JSON.stringify(apiBaseUrl),
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: {
      type: 'webpack5',
      // Prebundling makes the mini-program fail with "template not found".
      prebundle: { enable: false },
    },
    cache: { enable: false },
    sass: {},
    mini: {
      // NutUI's per-component stylesheets do not depend on one another's order.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        // Each page is its own lazy chunk; splitting 'all' chunks lets the pages share one copy
        // of the components they have in common instead of each carrying its own.
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all' });
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
