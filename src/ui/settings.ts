import * as vscode from 'vscode';
import type { SessionSettings } from '../core/aws/sessions';
import { SECTION, settingsAffecting, validSetting } from './settingsSchema';
import type { SettingConsumer, SettingName, SettingValue } from './settingsSchema';

export { SECTION };

export interface ExplorerSettings extends SessionSettings {
  readonly endpointUrl: string;
}

/** One `serverlessExplorer.*` setting, validated (see settingsSchema.ts). */
export function setting<N extends SettingName>(name: N): SettingValue<N> {
  return validSetting(name, vscode.workspace.getConfiguration(SECTION).get(name));
}

/** Writes a setting in the user settings; undefined removes it. */
export async function updateUserSetting<N extends SettingName>(name: N, value: SettingValue<N> | undefined): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update(name, value, vscode.ConfigurationTarget.Global);
}

/** Whether a configuration change touches a setting of that part of the UI. */
export function settingsChanged(e: vscode.ConfigurationChangeEvent, consumer: SettingConsumer): boolean {
  return settingsAffecting(consumer).some((name) => e.affectsConfiguration(`${SECTION}.${name}`));
}

export function readSettings(): ExplorerSettings {
  return {
    profiles: setting('profiles'),
    regions: setting('regions'),
    endpointUrl: setting('endpointUrl'),
  };
}
