import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { CACHE } from './paths';

const CDK_LIB = '2.276.0';
const CDK_CLI = '2.1148.1';
const CONSTRUCTS = '10.8.1';

/**
 * aws-cdk-lib, the cdk CLI, constructs and esbuild (our version, for NodejsFunction's local bundling) installed once
 * into the test cache, outside the repository: their node_modules, or why they could not be installed (offline).
 */
export async function installAwsCdk(): Promise<{ nodeModules: string } | { skipped: string }> {
  const dir = path.join(CACHE, `aws-cdk-${CDK_LIB}`);
  const nodeModules = path.join(dir, 'node_modules');
  const mark = path.join(dir, `.installed-${CDK_CLI}`);
  if (fs.existsSync(mark)) return { nodeModules };
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"se-test-aws-cdk","private":true}\n');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- our dev dependency's version, to bundle as we do
  const esbuild = (require('esbuild/package.json') as { version: string }).version;
  process.stderr.write(`[test] installing aws-cdk-lib@${CDK_LIB} and aws-cdk@${CDK_CLI} into ${dir} (once)\n`);
  try {
    const args = ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error', '--fetch-retries=1'];
    await promisify(execFile)('npm', [...args, `aws-cdk-lib@${CDK_LIB}`, `aws-cdk@${CDK_CLI}`, `constructs@${CONSTRUCTS}`, `esbuild@${esbuild}`], { timeout: 300_000 });
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    const why = stderr?.split('\n').find((line) => /^npm error (?!code |syscall |errno )\S/.test(line)) ?? message;
    return { skipped: `npm could not install aws-cdk-lib@${CDK_LIB} and aws-cdk@${CDK_CLI} (${why.slice(0, 200)})` };
  }
  fs.writeFileSync(mark, '');
  return { nodeModules };
}
