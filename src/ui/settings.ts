import * as vscode from 'vscode';
import type { SessionSettings } from '../core/aws/sessions';

export const SECTION = 'serverlessExplorer';

export interface ExplorerSettings extends SessionSettings {
  readonly endpointUrl: string;
}

export function readSettings(): ExplorerSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  return {
    profiles: stringList(config.get('profiles')),
    regions: stringList(config.get('regions')),
    endpointUrl: config.get<string>('endpointUrl') ?? '',
  };
}

// A hand-edited settings.json can hold anything; keep only non-empty strings.
function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim()) : [];
}
