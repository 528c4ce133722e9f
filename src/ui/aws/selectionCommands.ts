import * as vscode from 'vscode';
import { readProfiles } from '../../core/aws/profiles';
import { KNOWN_REGIONS } from '../../core/aws/regions';
import { KIND_LABEL } from '../explorer/nodes/profileNodes';
import { readSettings, updateUserSetting } from '../settings';
import type { CommandHandlers } from '../shell/commandHandlers';

async function save(name: 'profiles' | 'regions', values: string[]): Promise<void> {
  await updateUserSetting(name, values.length ? values : undefined);
}

/** Multi-select pickers that write `serverlessExplorer.profiles` and `serverlessExplorer.regions` (user settings). */
export function registerSelectionCommands(commands: CommandHandlers): vscode.Disposable[] {
  return [
    commands.register('serverlessExplorer.selectProfiles', async () => {
      let profiles;
      try {
        profiles = await readProfiles();
      } catch (error) {
        void vscode.window.showErrorMessage(`Could not read the AWS config files: ${(error as Error).message}`);
        return;
      }
      if (profiles.length === 0) {
        const choice = await vscode.window.showInformationMessage('No AWS profiles found in your AWS config or credentials file.', 'Open AWS Config File');
        if (choice) await vscode.commands.executeCommand('serverlessExplorer.openAwsConfig');
        return;
      }
      const chosen = new Set(readSettings().profiles);
      const picked = await vscode.window.showQuickPick(
        profiles.map((p) => ({ label: p.name, description: [KIND_LABEL[p.kind], p.region].filter(Boolean).join(' · '), picked: chosen.has(p.name) })),
        { canPickMany: true, title: 'Profiles to show in Serverless Explorer', placeHolder: 'None picked: AWS_PROFILE, else default, else all' },
      );
      if (picked) await save('profiles', picked.map((p) => p.label));
    }),
    commands.register('serverlessExplorer.selectRegions', async () => {
      const chosen = new Set(readSettings().regions);
      const known = new Set(KNOWN_REGIONS.map((r) => r.code));
      const items = [
        ...[...chosen].filter((code) => !known.has(code)).map((code) => ({ label: code, description: '', picked: true })),
        ...KNOWN_REGIONS.map((r) => ({ label: r.code, description: r.name, picked: chosen.has(r.code) })),
      ];
      const picked = await vscode.window.showQuickPick(items, {
        canPickMany: true,
        matchOnDescription: true,
        title: 'Regions to show under each profile',
        placeHolder: "None picked: each profile's own region",
      });
      if (picked) await save('regions', picked.map((p) => p.label));
    }),
  ];
}
