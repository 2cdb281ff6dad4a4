import {
  WEAPP_BUDGET,
  allPages,
  checkCodeQuality,
  compileWithWeChat,
  measurePackages,
  readAppJson,
  subPackagesOf,
} from '../../scripts/weapp-check';

const TAB_PAGES = ['pages/study/index', 'pages/order/index', 'pages/checkin/index', 'pages/mine/index'];

describe('the production mini-program, checked by WeChat’s own tools', () => {
  it('compiles every page in app.json with WeChat’s compiler, minified as an upload would be', async () => {
    const compiled = new Set((await compileWithWeChat()).map((file) => file.path));
    const pages = allPages(readAppJson());
    expect(pages.length).toBeGreaterThan(TAB_PAGES.length);

    const missing = pages
      .flatMap((page) => ['js', 'json', 'wxml'].map((ext) => `${page}.${ext}`))
      .filter((file) => !compiled.has(file));
    expect(missing).toEqual([]);
  });

  it('passes every item of the code-quality check (代码质量)', async () => {
    const items = await checkCodeQuality();
    expect(items.map((item) => item.name)).toEqual(
      expect.arrayContaining(['PACKAGE_SIZE_LIMIT', 'JS_COMPRESS_OPEN', 'WXML_COMPRESS_OPEN', 'WXSS_COMPRESS_OPEN']),
    );

    const failing = items.filter((item) => !item.success).map((item) => `${item.name}: ${item.text}`);
    expect(failing).toEqual([]);
  });

  it('keeps the main package within 1 MB and each subpackage within 512 KB', async () => {
    const packages = await measurePackages();
    expect(packages[0]).toMatchObject({ name: 'main', budget: WEAPP_BUDGET.mainPackage });
    expect(packages.every((pkg) => pkg.bytes > 0)).toBe(true);

    const overBudget = packages
      .filter((pkg) => pkg.bytes > pkg.budget)
      .map((pkg) => `${pkg.name}: ${pkg.bytes} bytes, budget ${pkg.budget}`);
    expect(overBudget).toEqual([]);
  });

  it('keeps only the four tab pages in the main package and every other page in a subpackage', () => {
    const appJson = readAppJson();
    expect(appJson.pages).toEqual(TAB_PAGES);
    expect(appJson.tabBar?.list.map((tab) => tab.pagePath)).toEqual(TAB_PAGES);

    const subPackages = subPackagesOf(appJson);
    expect(subPackages.length).toBeGreaterThan(0);
    expect(subPackages.filter((subPackage) => subPackage.pages.length === 0)).toEqual([]);
  });
});
