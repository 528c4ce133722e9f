import * as vscode from 'vscode';
import type { LocalInvokeEndpoint } from '../../core/local/invokeEndpoint';
import type { WorkspaceFunctionsService } from './workspaceFunctionsService';
import { localSdk } from '../aws/sdk';
import { setting } from '../settings';

/**
 * `serverlessExplorer.startLocalEndpoint`: the Lambda Invoke API for the workspace's functions on 127.0.0.1,
 * for SDKs and the AWS CLI (`--endpoint-url`); run again to stop it.
 */
export class LocalEndpointCommand implements vscode.Disposable {
  private endpoint?: LocalInvokeEndpoint;
  private outputChannel?: vscode.OutputChannel;

  private get output(): vscode.OutputChannel {
    this.outputChannel ??= vscode.window.createOutputChannel('Serverless Explorer: Local Lambda');
    return this.outputChannel;
  }

  constructor(private readonly workspace: WorkspaceFunctionsService) {}

  get url(): string | undefined {
    return this.endpoint?.url;
  }

  async toggle(): Promise<string | undefined> {
    if (this.endpoint) {
      await this.stop();
      void vscode.window.showInformationMessage('Stopped the local Lambda endpoint.');
      return undefined;
    }
    const port = setting('localEndpointPort');
    const { LocalInvokeEndpoint } = localSdk();
    // The workspace's shared invoker, asked per invocation: it is replaced when the functions change.
    try {
      this.endpoint = await LocalInvokeEndpoint.start({
        functions: () => this.workspace.functions(),
        invoker: { invoke: (definition, payload, options) => this.workspace.invoker().invoke(definition, payload, options) },
        port,
        log: (line) => this.output.appendLine(`${new Date().toISOString()} ${line}`),
      });
    } catch (error) {
      await this.stop();
      void vscode.window.showErrorMessage(`Could not start the local Lambda endpoint: ${(error as Error).message} (setting serverlessExplorer.localEndpointPort).`);
      return undefined;
    }
    const url = this.endpoint.url;
    this.output.appendLine(`Local Lambda Invoke API on ${url}: aws lambda invoke --endpoint-url ${url} --function-name <name> out.json`);
    void vscode.window.showInformationMessage(`Local Lambda endpoint on ${url}: use it as --endpoint-url with the AWS CLI or an SDK.`, 'Copy URL', 'Show Log').then((choice) => {
      if (choice === 'Copy URL') void vscode.env.clipboard.writeText(url);
      if (choice === 'Show Log') this.output.show();
    });
    return url;
  }

  async stop(): Promise<void> {
    await this.endpoint?.stop();
    this.endpoint = undefined;
  }

  dispose(): void {
    void this.stop();
    this.outputChannel?.dispose();
  }
}
