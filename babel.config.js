const nutuiPackages = '@nutui/nutui-react-taro/dist/es/packages';

module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        // React Refresh instruments modules for the dev server; jest has no dev server.
        hot: process.env.NODE_ENV !== 'test',
      },
    ],
  ],
  plugins: [
    // Only the NutUI components a page imports (and their CSS) end up in the build.
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `${nutuiPackages}/${name.toLowerCase()}`,
        customStyleName: (name) => `${nutuiPackages}/${name.toLowerCase()}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
};
