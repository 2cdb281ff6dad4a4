/** babel-jest for node-side TypeScript, independent of the Taro app's babel.config.js. */
module.exports = [
  'babel-jest',
  {
    configFile: false,
    babelrc: false,
    presets: [['@babel/preset-env', { targets: { node: '20' } }], '@babel/preset-typescript'],
  },
];
