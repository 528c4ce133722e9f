import * as vscode from 'vscode';
import { readProfiles } from '../../core/aws/profiles';
import type { AwsProfile } from '../../core/aws/profiles';
import { ConfigError, parseEndpointUrl } from '../../core/aws/endpoint';
import { regionsFor, selectProfiles } from '../../core/aws/sessions';
import { readSettings } from '../settings';
import { MessageNode, ProfileNode, RegionNode } from './awsNodes';
import type { AwsNode } from './awsNodes';

const OPEN_SETTINGS: vscode.Command = {
  title: 'Open Settings',
  command: 'workbench.action.openSettings',
  arguments: ['serverlessExplorer'],
};
const OPEN_CONFIG: vscode.Command = { title: 'Open AWS config file', command: 'serverlessExplorer.openAwsConfig' };

/** The `serverlessExplorer.aws` view: Profile → Region. Reads the AWS config only when the view asks. */
export class AwsExplorer implements vscode.TreeDataProvider<AwsNode> {
  private readonly changed = new vscode.EventEmitter<AwsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: AwsNode): vscode.TreeItem {
    return node;
  }

  async getChildren(node?: AwsNode): Promise<AwsNode[]> {
    if (node instanceof ProfileNode) {
      const endpoint = safeEndpoint(readSettings().endpointUrl);
      return node.regions.map((region) => new RegionNode(node.profile.name, region, endpoint));
    }
    if (node) return [];
    return this.roots();
  }

  private async roots(): Promise<AwsNode[]> {
    const settings = readSettings();
    const nodes: AwsNode[] = [];
    try {
      parseEndpointUrl(settings.endpointUrl);
    } catch (error) {
      nodes.push(new MessageNode('Invalid endpoint URL', messageOf(error), OPEN_SETTINGS));
    }
    let available: AwsProfile[];
    try {
      available = await readProfiles();
    } catch (error) {
      return [...nodes, new MessageNode('Could not read the AWS config files', messageOf(error), OPEN_CONFIG)];
    }
    const selection = selectProfiles(available, settings, process.env);
    for (const name of selection.missing) {
      nodes.push(
        new MessageNode(
          `Profile "${name}" not found`,
          `No profile named "${name}" is defined in the AWS config or credentials file. Add it there, or remove it from the setting serverlessExplorer.profiles (or unset AWS_PROFILE).`,
          OPEN_SETTINGS,
        ),
      );
    }
    const single = selection.profiles.length === 1;
    for (const profile of selection.profiles) {
      nodes.push(new ProfileNode(profile, regionsFor(profile, settings, process.env), single));
    }
    return nodes;
  }
}

function safeEndpoint(value: string): string | undefined {
  try {
    return parseEndpointUrl(value);
  } catch {
    return undefined;
  }
}

function messageOf(error: unknown): string {
  return error instanceof ConfigError || error instanceof Error ? error.message : String(error);
}
