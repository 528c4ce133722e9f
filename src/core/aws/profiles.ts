import { loadSharedConfigFiles } from '@smithy/core/config';
import type { ParsedIniData } from '@smithy/core/config';

/** How a profile obtains credentials, as far as the config files tell (no credential is resolved here). */
export type ProfileKind = 'static' | 'sso' | 'assume-role' | 'process' | 'web-identity' | 'environment' | 'unknown';

export interface AwsProfile {
  readonly name: string;
  readonly kind: ProfileKind;
  /** The profile's own `region`, if any. */
  readonly region?: string;
  /** Which file(s) define it. */
  readonly source: 'config' | 'credentials' | 'both' | 'environment';
  /** The account its credentials act in, when the files say (sso_account_id, the account of role_arn). */
  readonly account?: string;
}

export interface ProfileFiles {
  /** Defaults to `AWS_CONFIG_FILE`, else `~/.aws/config`. */
  readonly configFile?: string;
  /** Defaults to `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`. */
  readonly credentialsFile?: string;
}

// Sections that are not profiles: loadSharedConfigFiles keys `[sso-session x]` as `sso-session.x`, `[services x]` as `services.x`.
const NON_PROFILE_SECTION = /^(sso-session|services)\./;

/**
 * Reads the profiles of the shared AWS config and credentials files, sorted by name.
 * Missing files are not an error (a fresh machine has none); unreadable ones are reported by the loader.
 */
export async function readProfiles(files: ProfileFiles = {}): Promise<AwsProfile[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({
    configFilepath: files.configFile,
    filepath: files.credentialsFile,
    ignoreCache: true,
  });
  return mergeProfiles(configFile, credentialsFile);
}

export function mergeProfiles(config: ParsedIniData, credentials: ParsedIniData): AwsProfile[] {
  const names = new Set<string>();
  for (const name of [...Object.keys(config), ...Object.keys(credentials)]) {
    if (!NON_PROFILE_SECTION.test(name)) names.add(name);
  }
  return [...names]
    .sort((a, b) => a.localeCompare(b))
    .map((name) => {
      const inConfig = Object.prototype.hasOwnProperty.call(config, name);
      const inCredentials = Object.prototype.hasOwnProperty.call(credentials, name);
      // As in the SDK, the credentials file wins where both files set the same key.
      const values = { ...config[name], ...credentials[name] };
      const account = profileAccount(values);
      return {
        name,
        kind: profileKind(values),
        region: values.region || undefined,
        source: inConfig && inCredentials ? ('both' as const) : inConfig ? ('config' as const) : ('credentials' as const),
        ...(account ? { account } : {}),
      };
    });
}

export function profileKind(values: Record<string, string | undefined>): ProfileKind {
  if (values.sso_session || values.sso_start_url) return 'sso';
  if (values.role_arn && values.web_identity_token_file) return 'web-identity';
  if (values.role_arn) return 'assume-role';
  if (values.credential_process) return 'process';
  if (values.aws_access_key_id) return 'static';
  return 'unknown';
}

/** The account a profile's credentials act in, as far as its keys tell without asking AWS. */
export function profileAccount(values: Record<string, string | undefined>): string | undefined {
  const account = values.sso_account_id ?? values.role_arn?.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}
