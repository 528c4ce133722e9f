import * as vscode from 'vscode';
import { isDeployedAs } from '../../core/local/deployedNames';
import type { PickedFunction } from '../invoke/pickFunction';
import type { AwsConnection } from '../aws/awsConnection';
import { lambdaSdk } from '../aws/sdk';

/** How long a listing is trusted without a refresh of the explorer, so that new deployments show up eventually. */
const MAX_AGE_MS = 10 * 60_000;

/**
 * The deployed functions of the profiles and regions the explorer shows, for "Invoke deployed" lenses. Listed
 * in the background on first use, again when the explorer refreshes; a profile or region that cannot be listed
 * (no credentials, no network, no permission) contributes nothing and says nothing: it is only a lens less.
 */
export class DeployedFunctionIndex implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when functions arrive (or go): lenses should be asked for again. */
  readonly onDidChange = this.changed.event;
  private functions: readonly PickedFunction[] = [];
  private controller?: AbortController;
  private listedAt = 0;
  private publishing?: ReturnType<typeof setTimeout>;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly aws: AwsConnection) {
    this.subscription = aws.onDidRefresh(() => {
      if (this.controller) this.load();
    });
  }

  /** The deployed functions that are the local function `localName` (see isDeployedAs); none until the listing arrives. */
  matching(localName: string, fromTemplate: boolean): PickedFunction[] {
    if (!this.controller || Date.now() - this.listedAt > MAX_AGE_MS) this.load();
    return this.functions.filter((f) => isDeployedAs(f.fn.name, localName, fromTemplate));
  }

  dispose(): void {
    this.controller?.abort();
    clearTimeout(this.publishing);
    this.subscription.dispose();
    this.changed.dispose();
  }

  private load(): void {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.listedAt = Date.now();
    void this.list(controller.signal);
  }

  private async list(signal: AbortSignal): Promise<void> {
    const found: PickedFunction[] = [];
    // A page at a time would redraw lenses too often: once per profile and region listed, at most every 250 ms.
    const publish = () => {
      clearTimeout(this.publishing);
      this.publishing = setTimeout(() => {
        if (signal.aborted) return;
        this.functions = [...found];
        this.changed.fire();
      }, 250);
    };
    try {
      const sessions = await this.aws.sessions();
      const { clients } = this.aws;
      await Promise.all(
        sessions.map(async (session) => {
          const listed: PickedFunction[] = [];
          try {
            await lambdaSdk().listFunctions(clients.client(lambdaSdk().LambdaClient, session), (fns) => listed.push(...fns.map((fn) => ({ session, fn }))), signal);
          } catch {
            return; // the explorer shows why; here it only means no lens
          }
          found.push(...listed);
          publish();
        }),
      );
    } catch {
      // no AWS configuration at all: no deployed functions
    }
    if (found.length === 0 && this.functions.length > 0) publish();
  }
}
