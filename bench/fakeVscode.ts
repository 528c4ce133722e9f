// A stand-in for the `vscode` module, just enough for activate() to run in plain Node:
// every register*/on* call returns a disposable, classes are plain. It measures our own
// cost (bundle load + activate), not VS Code's.
const disposable = { dispose(): void {} };

class EventEmitter {
  readonly event = (): typeof disposable => disposable;
  fire(): void {}
  dispose(): void {}
}

class Plain {
  constructor(...args: unknown[]) {
    Object.assign(this, { args });
  }
}

/** A namespace whose every function returns a disposable (registerX, onDidX, createX…). */
function namespace(overrides: Record<string, unknown> = {}): unknown {
  return new Proxy(overrides, {
    get: (target, key: string) => (key in target ? target[key] : () => disposable),
  });
}

export function createFakeVscode(): Record<string, unknown> {
  return {
    EventEmitter,
    Disposable: Plain,
    TreeItem: Plain,
    ThemeIcon: Plain,
    ThemeColor: Plain,
    MarkdownString: Plain,
    Position: Plain,
    Uri: { file: (fsPath: string) => ({ fsPath }), joinPath: (base: { fsPath: string }, ...parts: string[]) => ({ fsPath: [base.fsPath, ...parts].join('/') }) },
    DebugConfigurationProviderTriggerKind: { Initial: 1, Dynamic: 2 },
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    window: namespace({ createTreeView: () => ({ ...disposable, selection: [] }), createStatusBarItem: () => ({ ...disposable, show() {}, hide() {} }) }),
    commands: namespace(),
    debug: namespace(),
    languages: namespace(),
    env: namespace(),
    workspace: namespace({
      getConfiguration: () => ({ get: (_key: string, fallback?: unknown) => fallback }),
      createFileSystemWatcher: () => ({ ...disposable, onDidCreate: () => disposable, onDidChange: () => disposable, onDidDelete: () => disposable }),
    }),
  };
}
