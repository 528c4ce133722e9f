import * as vscode from 'vscode';

/**
 * A view whose content arrives in a later release: it is empty, so VS Code shows the view's
 * welcome content (package.json `viewsWelcome`), which tells the user what to do instead.
 */
export class EmptyTree implements vscode.TreeDataProvider<vscode.TreeItem> {
  getTreeItem(item: vscode.TreeItem): vscode.TreeItem {
    return item;
  }

  getChildren(): vscode.TreeItem[] {
    return [];
  }
}
