import * as vscode from 'vscode';
import type { DeployPlan } from '../../core/lambda/deploy/deployCode';
import { bytes } from '../../core/format';

interface ChangeItem extends vscode.QuickPickItem {
  readonly deploy?: boolean;
}

/**
 * What a deploy changes, as a quick pick: its first item (active, so Enter deploys) says the totals and the package
 * size before → after; below it every file added, changed or removed. Picking a file, or Escape, deploys nothing.
 */
export async function changesPick(plan: DeployPlan, title: string): Promise<boolean> {
  const { diff } = plan;
  const size = `package ${bytes(plan.before.codeSize)} → ${bytes(plan.package.zip.length)}`;
  const summary = diff ? `${diff.added.length} added, ${diff.changed.length} changed, ${diff.removed.length} removed · ${size}` : `${size} · which files change is not known: ${plan.diffProblem ?? 'the deployed package could not be read'}`;
  const items: ChangeItem[] = [
    { label: '$(cloud-upload) Deploy', description: summary, deploy: true },
    { label: '$(close) Cancel', description: 'change nothing' },
  ];
  for (const name of plan.package.leftOut) items.push({ label: `$(warning) ${name}`, description: 'left out: a symbolic link to outside the folder, which would not exist in Lambda' });
  if (diff) {
    items.push({ label: 'Files', kind: vscode.QuickPickItemKind.Separator });
    for (const e of diff.added) items.push({ label: `$(diff-added) ${e.name}`, description: `added · ${bytes(e.size)}` });
    for (const e of diff.changed) items.push({ label: `$(diff-modified) ${e.name}`, description: `changed · ${bytes(e.before)} → ${bytes(e.size)}` });
    for (const e of diff.removed) items.push({ label: `$(diff-removed) ${e.name}`, description: `removed · ${bytes(e.size)}` });
    if (diff.unchangedCount > 0) items.push({ label: `${diff.unchangedCount} other files unchanged`, description: '' });
  }
  const choice = await vscode.window.showQuickPick(items, { title, placeHolder: 'Enter deploys; Escape changes nothing', matchOnDescription: true });
  return choice?.deploy === true;
}
