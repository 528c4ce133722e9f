import * as vscode from 'vscode';
import { settingsChanged } from '../settings';
import type { UiDeps } from '../uiDeps';
import { DeployedFunctionIndex } from './deployedFunctionIndex';
import { HandlerCodeLensProvider } from './handlerCodeLensProvider';

export interface CodeLensFeature {
  readonly disposables: vscode.Disposable[];
  /** The shell registers it for the handler languages (HANDLER_LANGUAGE_IDS). */
  readonly provider: HandlerCodeLensProvider;
}

/** The handler CodeLens: its provider, what refreshes it (templates, builds, the explorer, the setting). */
export function registerHandlerCodeLens(deps: UiDeps): CodeLensFeature {
  const deployed = new DeployedFunctionIndex(deps.aws);
  const provider = new HandlerCodeLensProvider(deps.workspace, deployed);
  // A build writes the compiled handler and its source map: which sources a template points at may change.
  const builds = vscode.workspace.createFileSystemWatcher('**/*.{js,mjs,cjs,map}');
  let pending: ReturnType<typeof setTimeout> | undefined;
  const rebuilt = () => {
    clearTimeout(pending);
    pending = setTimeout(() => provider.refresh(true), 1000);
  };
  const disposables = [
    provider,
    deployed,
    deps.workspace.onDidChange(() => provider.refresh(true)),
    deployed.onDidChange(() => provider.refresh()),
    builds,
    builds.onDidCreate(rebuilt),
    builds.onDidChange(rebuilt),
    builds.onDidDelete(rebuilt),
    { dispose: () => clearTimeout(pending) },
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (settingsChanged(e, 'codeLens')) provider.refresh();
    }),
  ];
  return { disposables, provider };
}
