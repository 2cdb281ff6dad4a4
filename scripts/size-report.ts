import fs from 'node:fs';
import path from 'node:path';
import { writeReport, type Row } from './bench/report';
import { WEAPP_BUDGET, WEAPP_DIR, buildWeapp, measurePackages } from './weapp-check';

const kilobytes = (bytes: number) => (bytes / 1024).toFixed(1);

/**
 * `npm run size`: the mini-program's code-package sizes against our budget, measured on the
 * existing dist/ (built only when missing), printed and written to bench/weapp-size.md.
 */
async function main() {
  if (!fs.existsSync(path.join(WEAPP_DIR, 'app.json'))) {
    console.log('dist/ has no build; building the mini-program (production)…');
    buildWeapp();
  }
  const packages = await measurePackages();
  const totalBytes = packages.reduce((sum, pkg) => sum + pkg.bytes, 0);
  const rows: Row[] = [
    ...packages.map((pkg) => ({
      package: pkg.name,
      bytes: pkg.bytes,
      KB: kilobytes(pkg.bytes),
      'budget KB': kilobytes(pkg.budget),
      '% of budget': `${((pkg.bytes / pkg.budget) * 100).toFixed(1)}%`,
    })),
    { package: 'total', bytes: totalBytes, KB: kilobytes(totalBytes), 'budget KB': '-', '% of budget': '-' },
  ];
  const builtAt = fs.statSync(path.join(WEAPP_DIR, 'app.json')).mtime.toISOString();
  writeReport({
    scenario: 'weapp-size',
    title: 'Mini-program code-package sizes',
    goal: `main package within ${kilobytes(WEAPP_BUDGET.mainPackage)} KB and each subpackage within ${kilobytes(WEAPP_BUDGET.subPackage)} KB (WeChat flags a main package over 1.5 MB and refuses any package over 2 MB).`,
    rows,
    notes: [
      `Measured on dist/ as built at ${builtAt}; \`npm run build:weapp\` (production) first for current numbers.`,
      'Bytes as WeChat’s code analyser counts them (miniprogram-ci `analyseCode`), before WeChat’s own upload minification.',
      'The budget lives in `WEAPP_BUDGET` (scripts/weapp-check.ts); the weapp jest project fails when a package exceeds it.',
    ],
  });
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
