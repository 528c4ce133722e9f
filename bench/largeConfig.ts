import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Writes an SSO-heavy ~/.aws/config with `count` profiles (SSO, sso-session, role chains, static keys). */
export function writeLargeConfig(count: number): { dir: string; configFile: string; credentialsFile: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-bench-config-'));
  const lines: string[] = ['[sso-session org]', 'sso_start_url = https://org.awsapps.com/start', 'sso_region = us-east-1', 'sso_registration_scopes = sso:account:access', ''];
  for (let i = 0; i < count; i++) {
    const account = String(100000000000 + i);
    if (i % 3 === 0) lines.push(`[profile acct-${i}-admin]`, 'sso_session = org', `sso_account_id = ${account}`, 'sso_role_name = AdministratorAccess', 'region = us-east-1', '');
    else if (i % 3 === 1) lines.push(`[profile acct-${i}-deploy]`, `role_arn = arn:aws:iam::${account}:role/Deployer`, `source_profile = acct-${i - 1}-admin`, 'region = eu-west-1', '');
    else lines.push(`[profile acct-${i}-keys]`, `aws_access_key_id = AKIA${String(i).padStart(16, '0')}`, 'aws_secret_access_key = not-a-real-secret', 'output = json', '');
  }
  const configFile = path.join(dir, 'config');
  fs.writeFileSync(configFile, lines.join('\n'));
  const credentialsFile = path.join(dir, 'credentials');
  fs.writeFileSync(credentialsFile, '');
  return { dir, configFile, credentialsFile };
}
