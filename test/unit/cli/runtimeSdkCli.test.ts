import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { useMoto } from '../../support/useMoto';

// `serverless-explorer invoke` (dist/cli.js) on a handler importing an @aws-sdk client its project does not declare:
// without --install-runtime-sdk it says what to run; with it, npm installs the client into the cache
// (SERVERLESS_EXPLORER_CACHE_DIR) and the function calls moto. Our fixture, copied outside the repository.

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURE = path.join(ROOT, 'test', 'unit', 'core', 'local', 'functions', 'runtime-sdk');

function cli(args: string[], cwd: string, cacheDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // This machine's environment, as a user's shell passes it (npm needs its certificates and settings), without its AWS settings.
    const env = { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_'))), SERVERLESS_EXPLORER_CACHE_DIR: cacheDir };
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('cli: invoke with the runtime-provided SDK', function () {
  this.timeout(120_000);
  const moto = useMoto();
  let project: string;
  let cache: string;

  before(() => {
    assert.ok(fs.existsSync(CLI), `${CLI} is missing: run "npm run build" first`);
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'se-sdk-cli-'));
    fs.cpSync(FIXTURE, project, { recursive: true });
    cache = fs.mkdtempSync(path.join(os.tmpdir(), 'se-sdk-cli-cache-'));
  });
  after(() => {
    fs.rmSync(project, { recursive: true, force: true });
    fs.rmSync(cache, { recursive: true, force: true });
  });

  const writeVars = () => fs.writeFileSync(path.join(project, 'vars.json'), JSON.stringify({ Parameters: { AWS_ENDPOINT_URL: moto.endpoint } }));

  it('without --install-runtime-sdk: exit 1 and a message naming the package, the flag, the cache folder and the other way', async () => {
    writeVars();
    const { code, stdout, stderr } = await cli(['invoke', 'WhoAmIEsmFunction', '--env-vars', 'vars.json'], project, cache);
    assert.equal(code, 1, stderr);
    assert.equal(stdout, '');
    assert.ok(
      stderr.includes(
        `serverless-explorer: WhoAmIEsmFunction imports @aws-sdk/client-sts, which Lambda's nodejs20.x runtime provides but the project does not install: run again with --install-runtime-sdk to install it into ${path.join(cache, 'aws-sdk-v3')} with npm`,
      ),
      stderr,
    );
    assert.match(stderr, /or add it to the function's package\.json and run npm install\.\n$/);
    assert.equal(fs.existsSync(path.join(cache, 'aws-sdk-v3')), false, 'nothing installed without the flag');
  });

  it('with --install-runtime-sdk: installs it with npm, says so, and the function calls moto with it', async () => {
    writeVars();
    const { code, stdout, stderr } = await cli(['invoke', 'WhoAmIEsmFunction', '--env-vars', 'vars.json', '--install-runtime-sdk'], project, cache);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /Installing @aws-sdk\/client-sts \(provided by Lambda's nodejs20\.x runtime\) into \S+aws-sdk-v3 with npm, about \d+ MB…\nInstalled in [\d.]+ s\.\n/);
    const body = JSON.parse(stdout) as { account: string; sdk: string };
    assert.equal(body.account, '123456789012');
    assert.ok(body.sdk.includes('/aws-sdk-v3/node_modules/@aws-sdk/client-sts/'), body.sdk);
    // The next run needs no flag: the cache has it.
    const again = await cli(['invoke', 'WhoAmICjsFunction', '--env-vars', 'vars.json'], project, cache);
    assert.equal(again.code, 0, again.stderr);
    assert.doesNotMatch(again.stderr, /Installing/);
    assert.equal((JSON.parse(again.stdout) as { account: string }).account, '123456789012');
  });
});
