import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli serverless-explorer', () => {
  let dir: string;
  before(() => {
    assert.ok(fs.existsSync(CLI), `${CLI} is missing: run "npm run build" first`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-cli-'));
    fs.writeFileSync(path.join(dir, 'config'), '[profile alpha]\nregion = eu-west-3\n[profile beta]\nsso_session = x\n');
    fs.writeFileSync(path.join(dir, 'credentials'), '[alpha]\naws_access_key_id = AKIA\naws_secret_access_key = SECRETVALUE\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const files = () => ({ AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials') });

  it('prints the package version for --version', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(cli(['--version']), { code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('prints usage with its commands for --help', () => {
    const { code, stdout } = cli(['--help']);
    assert.equal(code, 0);
    assert.match(stdout, /Usage:\n {2}serverless-explorer <command>/);
    assert.match(stdout, /profiles/);
  });

  it('lists profiles with the regions they would use, and never prints a secret', () => {
    const { code, stdout } = cli(['profiles', '--profile', 'alpha', '--profile', 'beta', '--region', 'us-east-2'], files());
    assert.equal(code, 0);
    assert.match(stdout, /\* alpha {2}static \(eu-west-3\) {2}→ us-east-2/);
    assert.match(stdout, /\* beta {3}sso {2}→ us-east-2/);
    assert.doesNotMatch(stdout, /SECRETVALUE|AKIA/);
  });

  it('gives JSON with --json', () => {
    const { code, stdout } = cli(['profiles', '--json'], { ...files(), AWS_PROFILE: 'beta', AWS_REGION: 'ap-east-1' });
    assert.equal(code, 0);
    const parsed = JSON.parse(stdout);
    assert.deepEqual(parsed.profiles.filter((p: { selected: boolean }) => p.selected).map((p: { name: string; regions: string[] }) => [p.name, p.regions]), [['beta', ['ap-east-1']]]);
  });

  it('fails with a clear message for a profile that does not exist', () => {
    const { code, stderr } = cli(['profiles', '--profile', 'gamma'], files());
    assert.equal(code, 1);
    assert.match(stderr, /profile "gamma" is not defined in the AWS config or credentials file/);
  });

  it('says how to get help for an unknown command or option, with exit code 2', () => {
    const unknown = cli(['deploy']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command "deploy"[\s\S]*--help/);
    const badOption = cli(['profiles', '--colour']);
    assert.equal(badOption.code, 2);
    assert.match(badOption.stderr, /--colour[\s\S]*--help/);
    assert.doesNotMatch(badOption.stderr, /\n\s+at /, 'no stack trace');
  });

  it('tells a new user how to create a profile when there is none', () => {
    const { code, stdout } = cli(['profiles'], { AWS_CONFIG_FILE: path.join(dir, 'missing'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'missing2') });
    assert.equal(code, 0);
    assert.match(stdout, /No AWS profiles found.*aws configure sso/);
  });
});
