import * as vscode from 'vscode';
import type { AwsNode } from '../explorer/nodes/awsNode';
import type { UiDeps } from '../uiDeps';
import { copyLink } from './copyLinkCommand';
import type { LinkOutcome } from './linkOutcome';
import { openFunctionLink } from './openFunctionLink';

export interface LinksFeature {
  readonly disposables: vscode.Disposable[];
  /** The URI handler's work (the shell registers the handler). */
  handleUri(uri: vscode.Uri): Promise<LinkOutcome>;
  /** Fires with what became of each link. */
  readonly onDidOpen: vscode.Event<LinkOutcome>;
}

/** Function links: Copy Link, and opening `<scheme>://<extension id>/function?…` in the AWS view. */
export function registerLinkCommands(deps: UiDeps): LinksFeature {
  const opened = new vscode.EventEmitter<LinkOutcome>();
  return {
    disposables: [opened, deps.commands.register('serverlessExplorer.copyLink', (node?: AwsNode) => copyLink(deps, node))],
    handleUri: async (uri) => {
      const outcome = await openFunctionLink(deps, uri).catch((error: unknown): LinkOutcome => {
        const message = `Serverless Explorer could not open the link: ${(error as Error).message}`;
        void vscode.window.showErrorMessage(message);
        return { status: 'failed', link: uri.toString(true), message };
      });
      opened.fire(outcome);
      return outcome;
    },
    onDidOpen: opened.event,
  };
}
