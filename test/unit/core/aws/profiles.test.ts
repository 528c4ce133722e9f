import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readProfiles } from '../../../../src/core/aws/profiles';

const CONFIG = `
[default]
region = eu-west-1
output = json

[profile dev-sso]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Developer
region = eu-central-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1

[profile legacy-sso]
sso_start_url = https://old.awsapps.com/start
sso_region = us-east-1
sso_account_id = 111122223333
sso_role_name = Admin

[profile prod]
role_arn = arn:aws:iam::444455556666:role/Deployer
source_profile = default
region = us-west-2

[profile prod-readonly]
role_arn = arn:aws:iam::444455556666:role/ReadOnly
source_profile = prod

[profile ci]
role_arn = arn:aws:iam::444455556666:role/CI
web_identity_token_file = /var/run/token

[profile vault]
credential_process = /usr/local/bin/vault-creds --json

[services local]
lambda =
  endpoint_url = http://127.0.0.1:4566
`;

const CREDENTIALS = `
[default]
aws_access_key_id = AKIAEXAMPLE
aws_secret_access_key = secret

[keys-only]
aws_access_key_id = AKIAOTHER
aws_secret_access_key = other
`;

describe('core/aws readProfiles', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-profiles-'));
    fs.writeFileSync(path.join(dir, 'config'), CONFIG);
    fs.writeFileSync(path.join(dir, 'credentials'), CREDENTIALS);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists every profile of both files once, sorted, with how it gets credentials', async () => {
    const profiles = await readProfiles({ configFile: path.join(dir, 'config'), credentialsFile: path.join(dir, 'credentials') });
    assert.deepEqual(
      profiles.map((p) => [p.name, p.kind, p.region, p.source]),
      [
        ['ci', 'web-identity', undefined, 'config'],
        ['default', 'static', 'eu-west-1', 'both'],
        ['dev-sso', 'sso', 'eu-central-1', 'config'],
        ['keys-only', 'static', undefined, 'credentials'],
        ['legacy-sso', 'sso', undefined, 'config'],
        ['prod', 'assume-role', 'us-west-2', 'config'],
        ['prod-readonly', 'assume-role', undefined, 'config'],
        ['vault', 'process', undefined, 'config'],
      ],
    );
  });

  it('knows the account of an SSO or assume-role profile from its keys, and no other', async () => {
    const profiles = await readProfiles({ configFile: path.join(dir, 'config'), credentialsFile: path.join(dir, 'credentials') });
    assert.deepEqual(
      Object.fromEntries(profiles.map((p) => [p.name, p.account])),
      { ci: '444455556666', default: undefined, 'dev-sso': '111122223333', 'keys-only': undefined, 'legacy-sso': '111122223333', prod: '444455556666', 'prod-readonly': '444455556666', vault: undefined },
    );
  });

  it('does not mistake sso-session and services sections for profiles', async () => {
    const names = (await readProfiles({ configFile: path.join(dir, 'config'), credentialsFile: path.join(dir, 'credentials') })).map((p) => p.name);
    assert.ok(!names.some((n) => n.includes('corp') || n.includes('local')), names.join());
  });

  it('returns no profiles, without an error, when neither file exists (a fresh machine)', async () => {
    const profiles = await readProfiles({ configFile: path.join(dir, 'nope', 'config'), credentialsFile: path.join(dir, 'nope', 'credentials') });
    assert.deepEqual(profiles, []);
  });

  it('honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE', async () => {
    const saved = { ...process.env };
    process.env.AWS_CONFIG_FILE = path.join(dir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'credentials');
    try {
      const profiles = await readProfiles();
      assert.equal(profiles.length, 8);
    } finally {
      // Key by key: a plain object in place of process.env would leave the real environment (os.homedir…) behind.
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    }
  });

  it('sees an edit to the config file on the next read (no stale cache)', async () => {
    const file = path.join(dir, 'config-edit');
    fs.writeFileSync(file, '[profile a]\nregion = us-east-1\n');
    const first = await readProfiles({ configFile: file, credentialsFile: path.join(dir, 'none') });
    fs.appendFileSync(file, '[profile b]\nregion = us-east-2\n');
    const second = await readProfiles({ configFile: file, credentialsFile: path.join(dir, 'none') });
    assert.deepEqual(first.map((p) => p.name), ['a']);
    assert.deepEqual(second.map((p) => p.name), ['a', 'b']);
  });
});
