import * as vscode from 'vscode';

/**
 * A view's data provider whose real one loads when the view first asks for rows: activation registers the view
 * without loading what renders it.
 */
export class LazyTreeDataProvider<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<T | T[] | undefined | null | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private real?: vscode.TreeDataProvider<T>;
  private subscription?: vscode.Disposable;

  constructor(private readonly load: () => vscode.TreeDataProvider<T>) {}

  /** The real provider, loaded now if it was not. */
  get provider(): vscode.TreeDataProvider<T> {
    if (!this.real) {
      this.real = this.load();
      this.subscription = this.real.onDidChangeTreeData?.((e) => this.changed.fire(e));
    }
    return this.real;
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.provider.getTreeItem(element);
  }

  getChildren(element?: T): vscode.ProviderResult<T[]> {
    return this.provider.getChildren(element);
  }

  getParent(element: T): vscode.ProviderResult<T> {
    return this.provider.getParent?.(element);
  }

  dispose(): void {
    this.subscription?.dispose();
    this.changed.dispose();
  }
}
