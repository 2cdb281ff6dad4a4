// WeChat's compiler takes several seconds over a minified production build, more on a busy machine.
jest.setTimeout(180000);
