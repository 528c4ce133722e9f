import type { AwsProfile } from './profiles';

/** One place the explorer looks: a profile in a region. */
export interface AwsSession {
  readonly profile: string;
  readonly region: string;
}

export interface SessionSettings {
  /** `serverlessExplorer.profiles`; empty = the environment's profile, else `default`, else all. */
  readonly profiles: readonly string[];
  /** `serverlessExplorer.regions`; empty = each profile's own region. */
  readonly regions: readonly string[];
}

export type SessionEnv = Readonly<Record<string, string | undefined>>;

export const FALLBACK_REGION = 'us-east-1';

/** Stands for the SDK's default credential chain (environment variables, container or instance role) when no profile exists. */
export const DEFAULT_CHAIN = '(environment)';

const ENVIRONMENT_CREDENTIALS = ['AWS_ACCESS_KEY_ID', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_WEB_IDENTITY_TOKEN_FILE'];

export interface ProfileSelection {
  readonly profiles: readonly AwsProfile[];
  /** Names asked for in the settings (or AWS_PROFILE) that no config file defines. */
  readonly missing: readonly string[];
}

export function selectProfiles(
  available: readonly AwsProfile[],
  settings: SessionSettings,
  env: SessionEnv,
): ProfileSelection {
  const byName = new Map(available.map((p) => [p.name, p]));
  const requested = settings.profiles.length > 0 ? [...new Set(settings.profiles)] : env.AWS_PROFILE ? [env.AWS_PROFILE] : [];
  if (requested.length > 0) {
    return {
      profiles: requested.flatMap((name) => byName.get(name) ?? []),
      missing: requested.filter((name) => !byName.has(name)),
    };
  }
  const fallback = byName.get('default');
  if (fallback) return { profiles: [fallback], missing: [] };
  if (available.length === 0 && ENVIRONMENT_CREDENTIALS.some((name) => env[name])) {
    return { profiles: [{ name: DEFAULT_CHAIN, kind: 'environment', source: 'environment' }], missing: [] };
  }
  return { profiles: [...available], missing: [] };
}

export function regionsFor(profile: AwsProfile, settings: SessionSettings, env: SessionEnv): string[] {
  if (settings.regions.length > 0) return [...new Set(settings.regions)];
  return [profile.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? FALLBACK_REGION];
}
