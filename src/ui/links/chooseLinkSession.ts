import * as vscode from 'vscode';
import { readProfiles } from '../../core/aws/profiles';
import type { AwsProfile } from '../../core/aws/profiles';
import { regionsFor } from '../../core/aws/sessions';
import type { AwsSession } from '../../core/aws/sessions';
import type { FunctionLinkTarget } from '../../core/links/functionLink';
import { accountMismatch, accountOf, placeLink, widenSelection } from '../../core/links/linkPlacement';
import type { ShownProfile } from '../../core/links/linkPlacement';
import type { AwsConnection } from '../aws/awsConnection';
import { readSettings, updateUserSetting } from '../settings';

export type SessionChoice =
  | { readonly session: AwsSession; readonly profileAccount?: string }
  | { readonly cancelled: true }
  | { readonly problem: string };

/**
 * The profile and region to open a link's function in, with the user's say wherever the link asks for more than the
 * view shows: a profile this machine does not define, one of several, or a profile or region to add to the view.
 */
export async function chooseLinkSession(aws: AwsConnection, target: FunctionLinkTarget): Promise<SessionChoice> {
  let defined: AwsProfile[];
  try {
    defined = await readProfiles();
  } catch (error) {
    return { problem: `Could not read the AWS config files: ${(error as Error).message}` };
  }
  const shown = await shownProfiles(aws);
  const placement = placeLink(target, defined, shown);
  switch (placement.kind) {
    case 'no-profiles':
      return { problem: 'No AWS profile is defined on this machine: add one to your AWS config file (Serverless Explorer: Open AWS Config File), then open the link again.' };
    case 'unknown-profile': {
      const choice = await vscode.window.showWarningMessage(
        `The link names profile "${placement.profile}", which is not defined on this machine.`,
        { modal: true, detail: `No AWS config or credentials file here has a profile of that name. Choose one of your profiles to look for ${target.name} in ${target.region}.` },
        'Choose a Profile…',
      );
      if (!choice) return { cancelled: true };
      return pickThenChoose(aws, target, placement.candidates, defined, shown);
    }
    case 'choose-profile':
      return pickThenChoose(aws, target, placement.candidates, defined, shown);
    case 'not-shown': {
      const { session } = placement;
      const what = placement.profileShown ? `${session.region} under profile "${session.profile}"` : `profile "${session.profile}" with ${session.region}`;
      const choice = await vscode.window.showInformationMessage(
        `Add ${what} to the AWS view?`,
        { modal: true, detail: `The link opens ${target.name} in profile "${session.profile}", ${session.region}, which the AWS view does not show. Adding it changes serverlessExplorer.profiles or serverlessExplorer.regions in your user settings; what the view shows now stays.` },
        'Add to View',
      );
      if (!choice) return { cancelled: true };
      const profile = defined.find((p) => p.name === session.profile);
      const settings = readSettings();
      const changes = widenSelection(settings, shown, session, profile ? regionsFor(profile, settings, process.env) : []);
      const added = await addToView(aws, session, changes);
      if (!added) return { problem: `Could not add profile "${session.profile}", ${session.region} to the AWS view: check serverlessExplorer.profiles and serverlessExplorer.regions.` };
      return checkAccount(target, session, defined);
    }
    case 'shown':
      return checkAccount(target, placement.session, defined);
  }
}

async function shownProfiles(aws: AwsConnection): Promise<ShownProfile[]> {
  return (await aws.select()).profiles.map(({ profile, regions }) => ({ profile: profile.name, regions }));
}

async function pickThenChoose(aws: AwsConnection, target: FunctionLinkTarget, candidates: readonly string[], defined: readonly AwsProfile[], shown: readonly ShownProfile[]): Promise<SessionChoice> {
  const items = candidates.map((name) => {
    const profile = defined.find((p) => p.name === name);
    const showing = shown.find((p) => p.profile === name);
    const description = [
      profile?.account ? `account ${profile.account}${profile.account === target.account ? ' (the link’s)' : ''}` : undefined,
      profile?.region,
      showing?.regions.includes(target.region) ? `shows ${target.region}` : showing ? 'in the view' : undefined,
    ];
    return { label: name, description: description.filter(Boolean).join(' · ') };
  });
  const picked = await vscode.window.showQuickPick(items, {
    title: `Open ${target.name} (${target.region}) with which profile?`,
    placeHolder: target.account ? `The function is in account ${target.account}` : 'The profile whose account has the function',
  });
  if (!picked) return { cancelled: true };
  return chooseLinkSession(aws, { ...target, profile: picked.label });
}

async function checkAccount(target: FunctionLinkTarget, session: AwsSession, defined: readonly AwsProfile[]): Promise<SessionChoice> {
  const profileAccount = accountOf(session.profile, defined);
  const mismatch = accountMismatch(target, session.profile, profileAccount);
  if (mismatch) {
    const choice = await vscode.window.showWarningMessage('The link is for another account', { modal: true, detail: mismatch }, 'Open Anyway');
    if (!choice) return { cancelled: true };
  }
  return { session, ...(profileAccount ? { profileAccount } : {}) };
}

/** Writes the wider selection and waits until the view's connection has read it. */
async function addToView(aws: AwsConnection, session: AwsSession, changes: { profiles?: string[]; regions?: string[] }): Promise<boolean> {
  if (changes.profiles) await updateUserSetting('profiles', changes.profiles);
  if (changes.regions) await updateUserSetting('regions', changes.regions);
  const written = () => {
    const now = readSettings();
    return (!changes.profiles || same(now.profiles, changes.profiles)) && (!changes.regions || same(now.regions, changes.regions));
  };
  for (let waited = 0; !written() && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  const isShown = async () => (await shownProfiles(aws)).some((p) => p.profile === session.profile && p.regions.includes(session.region));
  if (await isShown()) return true;
  aws.refresh();
  return isShown();
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
