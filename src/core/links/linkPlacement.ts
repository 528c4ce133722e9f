import type { AwsProfile } from '../aws/profiles';
import { DEFAULT_CHAIN } from '../aws/sessions';
import type { AwsSession, SessionSettings } from '../aws/sessions';
import type { FunctionLinkTarget } from './functionLink';

/** A profile the AWS view shows, with its regions. */
export interface ShownProfile {
  readonly profile: string;
  readonly regions: readonly string[];
}

/** Where a link's function is to be looked for, and what the user must decide first. */
export type LinkPlacement =
  /** The view shows that profile and region: reveal at once. */
  | { readonly kind: 'shown'; readonly session: AwsSession }
  /** Defined here but not shown (the profile, or that region under it): ask before adding it to the view. */
  | { readonly kind: 'not-shown'; readonly session: AwsSession; readonly profileShown: boolean }
  /** The link's profile is not defined on this machine: offer the defined ones. */
  | { readonly kind: 'unknown-profile'; readonly profile: string; readonly candidates: readonly string[] }
  /** The link names no profile and more than one would do: ask which. */
  | { readonly kind: 'choose-profile'; readonly candidates: readonly string[] }
  /** No profile at all on this machine. */
  | { readonly kind: 'no-profiles' };

/**
 * Decides where a link's function is: in the profile the link names, else the one profile that shows its region,
 * else the one the account says, else the user chooses. Never changes the selection: the caller asks first.
 */
export function placeLink(target: FunctionLinkTarget, defined: readonly AwsProfile[], shown: readonly ShownProfile[]): LinkPlacement {
  const at = (profile: string): LinkPlacement => {
    const showing = shown.find((p) => p.profile === profile);
    const session = { profile, region: target.region };
    if (showing?.regions.includes(target.region)) return { kind: 'shown', session };
    return { kind: 'not-shown', session, profileShown: showing !== undefined };
  };
  const known = new Set([...defined.map((p) => p.name), ...shown.map((p) => p.profile)]);
  if (target.profile !== undefined) {
    return known.has(target.profile) ? at(target.profile) : { kind: 'unknown-profile', profile: target.profile, candidates: byAccount(target, defined, [...known]) };
  }
  const inRegion = shown.filter((p) => p.regions.includes(target.region)).map((p) => p.profile);
  for (const candidates of [inRegion, shown.map((p) => p.profile), [...known]]) {
    if (candidates.length === 0) continue;
    const ordered = byAccount(target, defined, candidates);
    const sameAccount = ordered.filter((name) => accountOf(name, defined) === target.account);
    if (candidates.length === 1) return at(candidates[0]);
    if (target.account !== undefined && sameAccount.length === 1) return at(sameAccount[0]);
    return { kind: 'choose-profile', candidates: ordered };
  }
  return { kind: 'no-profiles' };
}

/** The account a profile is known to act in (see AwsProfile.account). */
export function accountOf(profile: string, defined: readonly AwsProfile[]): string | undefined {
  return defined.find((p) => p.name === profile)?.account;
}

/** When the link's account and the profile's known account differ, what to warn; else undefined. */
export function accountMismatch(target: FunctionLinkTarget, profile: string, profileAccount: string | undefined): string | undefined {
  if (target.account === undefined || profileAccount === undefined || target.account === profileAccount) return undefined;
  return `The link's ${target.name} is in account ${target.account}, but profile "${profile}" works in account ${profileAccount}: a function of that name there is not the one the link meant.`;
}

/** Candidates with the link's account first (when known), otherwise in their order. */
function byAccount(target: FunctionLinkTarget, defined: readonly AwsProfile[], names: readonly string[]): string[] {
  if (target.account === undefined) return [...names];
  const same = names.filter((name) => accountOf(name, defined) === target.account);
  return [...same, ...names.filter((name) => !same.includes(name))];
}

/**
 * What to write in serverlessExplorer.profiles / .regions so that the view shows the session too, and still what it
 * showed. `newProfileRegions`: the regions a profile not shown yet would get (regionsFor).
 */
export function widenSelection(
  settings: SessionSettings,
  shown: readonly ShownProfile[],
  session: AwsSession,
  newProfileRegions: readonly string[],
): { profiles?: string[]; regions?: string[] } {
  const unique = (values: readonly string[]) => [...new Set(values)];
  const showing = shown.find((p) => p.profile === session.profile);
  const changes: { profiles?: string[]; regions?: string[] } = {};
  if (!showing) {
    const current = settings.profiles.length > 0 ? settings.profiles : shown.map((p) => p.profile).filter((name) => name !== DEFAULT_CHAIN);
    changes.profiles = unique([...current, session.profile]);
  }
  const willShow = showing?.regions ?? newProfileRegions;
  if (!willShow.includes(session.region)) {
    // The region setting applies to every profile: keep what each showed, and add the link's region.
    const current = settings.regions.length > 0 ? settings.regions : [...shown.flatMap((p) => p.regions), ...(showing ? [] : newProfileRegions)];
    changes.regions = unique([...current, session.region]);
  }
  return changes;
}
