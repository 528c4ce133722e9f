import * as vscode from 'vscode';
import type { ShownNames } from './awsConnection';

/** Shows which profiles and regions the explorer lists; a click opens the profile picker. */
export class SelectionStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('serverlessExplorer.selection', vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.item.name = 'Serverless Explorer: profiles and regions';
    this.item.command = 'serverlessExplorer.selectProfiles';
  }

  show(selection: ShownNames): void {
    if (selection.profiles.length === 0) {
      this.item.hide();
      return;
    }
    this.item.text = `$(cloud) ${abbreviate(selection.profiles)} · ${abbreviate(selection.regions)}`;
    this.item.tooltip = `Serverless Explorer\nProfiles: ${selection.profiles.join(', ')}\nRegions: ${selection.regions.join(', ')}\nClick to choose profiles.`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

function abbreviate(names: readonly string[]): string {
  return names.length <= 2 ? names.join(', ') : `${names[0]} +${names.length - 1}`;
}
