import * as vscode from 'vscode';
import type { LocalInvokeResult } from '../../core/local/invoker';
import type { LocalFunctionDefinition } from '../../core/local/types';
import { checkPayload } from '../../core/lambda/payload';
import { chooseEvent } from '../events/chooseEvent';
import type { EventOptions } from '../events/chooseEvent';
import { LocalFunctionItem } from '../explorer/localFunctionsTree';
import type { WorkspaceFunctionsService } from './workspaceFunctionsService';
import { localSdk } from '../aws/sdk';
import { InvokeResultPanel } from '../invoke/invokeResultPanel';
import { setting } from '../settings';
import { localCredentials } from './localCredentials';
import { localBase, localResultView } from '../invoke/localResultView';
import { StreamedText } from '../../core/local/streamedText';

export type LocalInvokeOutcome = { readonly status: 'invoked'; readonly result: LocalInvokeResult } | { readonly status: 'refused' | 'failed'; readonly message: string } | { readonly status: 'cancelled' };

/** `serverlessExplorer.invokeLocal`: a workspace function → an event → run it locally, shown in the same result view as remote invoke. */
export class LocalInvokeCommand implements vscode.Disposable {
  private readonly warned = new Set<string>();

  constructor(
    private readonly workspace: WorkspaceFunctionsService,
    private readonly extensionUri: vscode.Uri,
  ) {}

  async run(target?: unknown, options: EventOptions & { definition?: LocalFunctionDefinition } = {}): Promise<LocalInvokeOutcome> {
    const definition = options.definition ?? (target instanceof LocalFunctionItem ? target.definition : await this.pickFunction());
    if (!definition) return { status: 'cancelled' };
    const event = await chooseEvent(definition.name, async () => [], options);
    if (!event) return { status: 'cancelled' };
    const check = checkPayload(event.json, 'RequestResponse');
    if (!check.ok) {
      void vscode.window.showErrorMessage(check.message);
      return { status: 'refused', message: check.message };
    }
    const invoke = async (): Promise<LocalInvokeOutcome> => {
      const panel = InvokeResultPanel.show(this.extensionUri);
      panel.running(definition.name, () => void invoke());
      const base = localBase(definition, event.label);
      const started = performance.now();
      try {
        // A function with credentials of its own (a pulled one) gets those from the invoker's credentialsFor.
        const credentials = await localCredentials(setting('localCredentialsProfile'), 'serverlessExplorer.localCredentialsProfile');
        // A streaming function's body shows as it arrives.
        let text = '';
        let prelude: string | undefined;
        const body = new StreamedText({
          prelude: (json) => panel.streaming(definition.name, text, (prelude = json)),
          text: (piece) => panel.streaming(definition.name, (text += piece), prelude),
        });
        const onChunk = (chunk: Uint8Array, contentType: string) => body.push(chunk, contentType);
        const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Running ${definition.name} locally…` }, () => this.workspace.invoker().invoke(definition, check.text, { credentials, onChunk }));
        body.end();
        if (result.throttled) {
          const cap = definition.reservedConcurrency === undefined ? 'serverlessExplorer.localMaxConcurrency' : `its ReservedConcurrentExecutions (${definition.reservedConcurrency})`;
          void vscode.window.showWarningMessage(`${definition.name} did not run: it is at its local concurrency cap (${cap}), as Lambda throttles a function at its reserved concurrency. Wait for its runs to end, or raise the cap.`);
        }
        if (result.warning && !this.warned.has(result.warning)) {
          this.warned.add(result.warning);
          void vscode.window.showWarningMessage(result.warning);
        }
        panel.result(localResultView(definition, event.label, result, performance.now() - started, text));
        return { status: 'invoked', result };
      } catch (error) {
        const message = (error as Error).message;
        panel.result({ ...base, payload: '', elapsedMs: 0, error: { title: `Could not run ${definition.name} locally`, detail: message } });
        void vscode.window.showErrorMessage(`${definition.name}: ${message}`);
        return { status: 'failed', message };
      }
    };
    return invoke();
  }

  dispose(): void {
    this.warned.clear();
  }

  private async pickFunction(): Promise<LocalFunctionDefinition | undefined> {
    const functions = await this.workspace.functions();
    const adHoc = { label: '$(folder) A code directory and handler…', description: 'path/to/dir:handler', definition: undefined as LocalFunctionDefinition | undefined };
    const choice = await vscode.window.showQuickPick(
      [...functions.map((f) => ({ label: f.name, description: `${f.runtime} · ${vscode.workspace.asRelativePath(f.codeDir)}`, definition: f as LocalFunctionDefinition | undefined })), adHoc],
      { title: 'Run which function locally?' },
    );
    if (!choice) return undefined;
    if (choice.definition) return choice.definition;
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd();
    const spec = await vscode.window.showInputBox({
      title: 'Run a function locally',
      prompt: 'The code directory (relative to the workspace) and the handler, e.g. src/orders:index.handler',
      validateInput: (value) => (localSdk().adHocFunction(value, root) ? undefined : 'Give an existing directory, a colon and the handler: src/orders:index.handler'),
    });
    return spec ? localSdk().adHocFunction(spec, root) : undefined;
  }
}
