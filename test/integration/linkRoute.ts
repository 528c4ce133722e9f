import * as vscode from 'vscode';
import type { ServerlessExplorerApi } from '../../src/extension';
import type { LinkOutcome } from '../../src/ui/links/linkOutcome';
import { EXTENSION_ID } from './helpers';

/** A function link in this product's scheme (code-oss in code-server, vscode in VS Code). */
export function functionLinkUri(query: string): vscode.Uri {
  return vscode.Uri.parse(`${vscode.env.uriScheme}://${EXTENSION_ID}/function?${query}`);
}

/**
 * Opens a link the way a link clicked inside the workbench is opened: `vscode.open` hands it to the opener service,
 * whose URL opener passes links of the product's own scheme to the URL service, which gives ours to our URI
 * handler. (openExternal would leave the browser for the operating system, which code-server cannot route back.)
 * Resolves with what became of it.
 */
export async function openLink(api: ServerlessExplorerApi, link: vscode.Uri | string, timeoutMs = 30_000): Promise<LinkOutcome> {
  const uri = typeof link === 'string' ? vscode.Uri.parse(link) : link;
  let subscription: vscode.Disposable | undefined;
  let timer: NodeJS.Timeout | undefined;
  const outcome = new Promise<LinkOutcome>((resolve, reject) => {
    subscription = api.onDidOpenLink(resolve);
    timer = setTimeout(() => reject(new Error(`no outcome for ${uri.toString(true)} within ${timeoutMs} ms: did the URI handler get it?`)), timeoutMs);
  });
  try {
    await vscode.commands.executeCommand('vscode.open', uri);
    return await outcome;
  } finally {
    subscription?.dispose();
    clearTimeout(timer);
  }
}
