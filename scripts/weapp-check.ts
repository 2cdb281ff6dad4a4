import { fork, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as MiniProgramCI from 'miniprogram-ci';

export const ROOT = path.resolve(__dirname, '..');
export const WEAPP_DIR = path.join(ROOT, 'dist');

/**
 * Our size budget for the mini-program's code packages, in bytes. WeChat refuses any package over
 * 2 MB and its code-quality check flags a main package over 1.5 MB; we stop well short of both,
 * because the main package is what every user downloads before the first tab can render, and a
 * subpackage is downloaded while the user waits on the tap that opened it.
 */
export const WEAPP_BUDGET = {
  mainPackage: 1024 * 1024,
  subPackage: 512 * 1024,
} as const;

export interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  subpackages?: { root: string; pages: string[] }[];
  tabBar?: { list: { pagePath: string }[] };
}

export interface PackageSize {
  /** `main`, or the subpackage's root as app.json spells it (`packages/account`). */
  name: string;
  bytes: number;
  budget: number;
}

/** One item of WeChat DevTools' code-quality panel (代码质量). */
export interface QualityItem {
  name: string;
  success: boolean;
  text: string;
}

export interface CompiledFile {
  path: string;
  bytes: number;
}

/** The production weapp build, as `npm run build:weapp` makes it; Taro empties dist/ first. */
export function buildWeapp(): void {
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/taro'), ['build', '--type', 'weapp'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`weapp build failed (exit ${result.status ?? result.signal})`);
}

export function readAppJson(weappDir = WEAPP_DIR): AppJson {
  return JSON.parse(fs.readFileSync(path.join(weappDir, 'app.json'), 'utf8')) as AppJson;
}

export function subPackagesOf(appJson: AppJson): { root: string; pages: string[] }[] {
  return appJson.subPackages ?? appJson.subpackages ?? [];
}

/** Every page the app declares, subpackage pages prefixed with their root. */
export function allPages(appJson: AppJson): string[] {
  return [
    ...appJson.pages,
    ...subPackagesOf(appJson).flatMap(({ root, pages }) => pages.map((page) => path.posix.join(root, page))),
  ];
}

/** Compiles the build the way an upload would (the project's own settings) with WeChat's compiler. */
export function compileWithWeChat(weappDir = WEAPP_DIR): Promise<CompiledFile[]> {
  return runInToolProcess('compile', weappDir);
}

/** The items of WeChat DevTools' code-quality check, run over the build. */
export function checkCodeQuality(weappDir = WEAPP_DIR): Promise<QualityItem[]> {
  return runInToolProcess('quality', weappDir);
}

/** Code-package sizes as WeChat's code analyser counts them: main first, then each subpackage. */
export async function measurePackages(weappDir = WEAPP_DIR): Promise<PackageSize[]> {
  const files = await runInToolProcess<{ path: string; size: number; subPackage: string | null }[]>('analyse', weappDir);
  const bytesBySubPackage = new Map<string, number>();
  let mainBytes = 0;
  for (const file of files) {
    if (file.subPackage === null) mainBytes += file.size;
    else bytesBySubPackage.set(file.subPackage, (bytesBySubPackage.get(file.subPackage) ?? 0) + file.size);
  }
  return [
    { name: 'main', bytes: mainBytes, budget: WEAPP_BUDGET.mainPackage },
    ...subPackagesOf(readAppJson(weappDir)).map(({ root }) => ({
      name: root,
      bytes: bytesBySubPackage.get(`${root.replace(/\/$/, '')}/`) ?? 0,
      budget: WEAPP_BUDGET.subPackage,
    })),
  ];
}

type ToolTask = 'compile' | 'quality' | 'analyse';
type ToolReply = { ok: true; result: unknown } | { ok: false; error: string };

const TOOL_TIMEOUT_MS = 5 * 60 * 1000;

/**
 * miniprogram-ci runs in a child process of its own, in a scratch directory under the system's
 * temp dir: it writes a cache folder into its working directory, leaves file watchers and compiler
 * processes behind (a failed compile never exits), and can crash its host on an unhandled 'error'
 * event. The child's process group is killed once it has answered.
 */
function runInToolProcess<T>(task: ToolTask, weappDir: string): Promise<T> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-check-'));
  return new Promise<T>((resolve, reject) => {
    const child = fork(__filename, [task, path.resolve(weappDir)], {
      cwd: workDir,
      execArgv: ['--require', require.resolve('tsx/cjs')],
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let output = '';
    const keepTail = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout?.on('data', keepTail);
    child.stderr?.on('data', keepTail);
    let reply: ToolReply | undefined;
    child.on('message', (message) => {
      reply = message as ToolReply;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, TOOL_TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      killGroup(child.pid);
      fs.rmSync(workDir, { recursive: true, force: true });
      if (reply?.ok) resolve(reply.result as T);
      else {
        const cause = reply
          ? reply.error
          : `miniprogram-ci ${timedOut ? `gave no answer within ${TOOL_TIMEOUT_MS / 1000} s` : `exited (${code ?? signal}) without an answer`}`;
        reject(new Error(`WeChat ${task} of ${weappDir} failed: ${cause}\n--- miniprogram-ci output (tail) ---\n${output}`));
      }
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group has already gone.
  }
}

/** The child side of runInToolProcess: open the build as a WeChat project and run one tool. */
async function runTool(task: ToolTask, weappDir: string): Promise<unknown> {
  const ci: typeof MiniProgramCI = require('miniprogram-ci');
  // The tools fetch a list of allowed file extensions from servicewechat.com and fall back to a
  // built-in one; a closed local port keeps them offline, and the result the same everywhere.
  ci.proxy('http://127.0.0.1:9');

  class BuildProject extends ci.Project {
    // Taro writes miniprogramRoot './' into dist/project.config.json; miniprogram-ci keeps that
    // prefix unnormalised and its code analyser then cannot find './app.json', which silently
    // disables the upload's unused-file filtering ("initUnusedFiles error").
    get miniprogramRoot(): string {
      return this._miniprogramRoot.replace(/^\.\/?$/, '');
    }
    set miniprogramRoot(root: string) {
      this._miniprogramRoot = root;
    }
    // Otherwise the project asks WeChat's servers for the appid's attributes.
    async attr() {
      return ci.DefaultProjectAttr;
    }
  }
  const project = new BuildProject({
    appid: 'touristappid',
    type: 'miniProgram',
    projectPath: weappDir,
    privateKey: 'unused offline',
    ignores: ['node_modules/**/*'],
  });

  if (task === 'compile') {
    // The project's own settings, as an upload uses them. Its minifiers are also what parse each
    // JS, WXML and WXSS file: with minification off, the compiler passes broken files through.
    const compiled = await ci.getCompiledResult({
      project,
      version: '0.0.0',
      setting: { useProjectConfig: true },
      onProgressUpdate: () => {},
    });
    return Object.entries(compiled).map(([file, content]) => ({ path: file, bytes: Buffer.byteLength(content) }));
  }
  if (task === 'quality') {
    // A checker that throws is logged and then counted as passed; count it as failed instead.
    const checkerErrors: string[] = [];
    const logError = console.error;
    console.error = (...args: unknown[]) => {
      if (args[0] instanceof Error) checkerErrors.push(args[0].stack ?? String(args[0]));
      logError(...args);
    };
    try {
      const items = await ci.checkCodeQuality(project);
      if (checkerErrors.length > 0) throw new Error(`a quality checker crashed:\n${checkerErrors.join('\n')}`);
      return items.map(({ name, success, text }) => ({ name: String(name), success: success === true, text: text ?? '' }));
    } finally {
      console.error = logError;
    }
  }
  const analysis = await ci.analyseCode(project, { silent: true });
  if (!analysis) throw new Error('the code analyser returned nothing');
  return analysis.files.map(({ path: file, size, subPackage }) => ({ path: file, size, subPackage }));
}

/** Compiler errors quote the offending line, and a minified line is a whole bundle. */
function shorten(message: string): string {
  return message
    .split('\n')
    .map((line) => (line.length > 300 ? `${line.slice(0, 300)}…` : line))
    .join('\n')
    .slice(0, 4000);
}

if (require.main === module) {
  const [task, weappDir] = process.argv.slice(2) as [ToolTask, string];
  const answer = (reply: ToolReply) => process.send?.(reply, undefined, {}, () => process.exit(0));
  runTool(task, weappDir).then(
    (result) => answer({ ok: true, result }),
    (error: unknown) => {
      const code = (error as { code?: unknown } | null)?.code;
      const message = error instanceof Error ? error.message : String(error);
      answer({ ok: false, error: `${code === undefined ? '' : `[${String(code)}] `}${shorten(message)}` });
    },
  );
}
