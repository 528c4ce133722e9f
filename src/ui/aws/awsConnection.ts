import * as vscode from 'vscode';
import type { AwsClientFactory } from '../../core/aws/clients';
import { ConfigError, parseEndpointUrl } from '../../core/aws/endpoint';
import { readProfiles } from '../../core/aws/profiles';
import type { AwsProfile } from '../../core/aws/profiles';
import { regionsFor, selectProfiles } from '../../core/aws/sessions';
import type { AwsSession } from '../../core/aws/sessions';
import { readSettings } from '../settings';
import { awsTimeoutSettings } from './awsTimeoutSettings';
import { awsSdk } from './sdk';

/** The profiles and regions the settings and the AWS config files select, with what is wrong in them. */
export interface AwsSelection {
  readonly profiles: readonly { readonly profile: AwsProfile; readonly regions: readonly string[] }[];
  /** Profiles asked for (settings or AWS_PROFILE) that no config file defines. */
  readonly missing: readonly string[];
  /** The endpoint every client goes to, when the setting names one. */
  readonly endpointUrl?: string;
  /** Why the endpoint setting is not used. */
  readonly endpointError?: string;
  /** Why the AWS config files could not be read: then there are no profiles. */
  readonly configError?: string;
}

export interface ShownNames {
  readonly profiles: readonly string[];
  readonly regions: readonly string[];
}

/**
 * The connection to AWS that every view and command shares: which profiles and regions are selected, the SDK
 * bundle (loaded on first use), one client factory (its credentials and clients cached), and a refresh that
 * drops them all. Nothing is read until something asks.
 */
export class AwsConnection implements vscode.Disposable {
  private readonly refreshed = new vscode.EventEmitter<void>();
  /** Fires when everything is to be read again: the Refresh button, a changed setting. */
  readonly onDidRefresh = this.refreshed.event;
  private readonly selected = new vscode.EventEmitter<ShownNames>();
  /** Fires with the profiles and regions selected, whenever they are read. */
  readonly onDidChangeSelection = this.selected.event;
  private factory?: AwsClientFactory;
  private selection?: Promise<AwsSelection>;

  get clients(): AwsClientFactory {
    this.factory ??= new (awsSdk().AwsClientFactory)({
      endpointUrl: endpointOrUndefined(readSettings().endpointUrl),
      ...awsTimeoutSettings(),
    });
    return this.factory;
  }

  /** The selected profiles and their regions, read once until refresh. */
  select(): Promise<AwsSelection> {
    this.selection ??= readSelection().then((selection) => {
      this.selected.fire({ profiles: selection.profiles.map((p) => p.profile.name), regions: [...new Set(selection.profiles.flatMap((p) => p.regions))] });
      return selection;
    });
    return this.selection;
  }

  /** The profile × region sessions selected, in order. */
  async sessions(): Promise<AwsSession[]> {
    return (await this.select()).profiles.flatMap(({ profile, regions }) => regions.map((region) => ({ profile: profile.name, region })));
  }

  /** Reads settings, config files and credentials again; clients are made anew. */
  refresh(): void {
    this.selection = undefined;
    this.factory?.dispose();
    this.factory = undefined;
    this.refreshed.fire();
  }

  dispose(): void {
    this.factory?.dispose();
    this.refreshed.dispose();
    this.selected.dispose();
  }
}

async function readSelection(): Promise<AwsSelection> {
  const settings = readSettings();
  let endpointUrl: string | undefined;
  let endpointError: string | undefined;
  try {
    endpointUrl = parseEndpointUrl(settings.endpointUrl);
  } catch (error) {
    endpointError = messageOf(error);
  }
  let available: AwsProfile[];
  try {
    available = await readProfiles();
  } catch (error) {
    return { profiles: [], missing: [], endpointUrl, endpointError, configError: messageOf(error) };
  }
  const { profiles, missing } = selectProfiles(available, settings, process.env);
  return { profiles: profiles.map((profile) => ({ profile, regions: regionsFor(profile, settings, process.env) })), missing, endpointUrl, endpointError };
}

function endpointOrUndefined(value: string): string | undefined {
  try {
    return parseEndpointUrl(value);
  } catch {
    return undefined;
  }
}

function messageOf(error: unknown): string {
  return error instanceof ConfigError || error instanceof Error ? error.message : String(error);
}
