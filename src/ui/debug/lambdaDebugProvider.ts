import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkPayload } from '../../core/lambda/payload';
import type { LambdaLaunchAttributes } from '../../core/local/debugRequest';
import { substituteVariables } from '../../core/local/launchVariables';
import { DEBUGGABLE_RUNTIMES, guessRuntime, localRuntime } from '../../core/local/runtimes/registry';
import { findHandlers, handlerLanguage } from '../../core/local/handlerSymbols';
import { functionsWrittenIn } from '../../core/local/handlerSources';
import type { LocalFunctionDefinition } from '../../core/local/types';
import { chooseEvent } from '../events/chooseEvent';
import { sourceOptions, type WorkspaceFunctionsService } from '../local/workspaceFunctionsService';
import { runCredentials } from '../local/localCredentials';
import { RUN_MARKER } from './lambdaDebugRun';
import type { LambdaDebugRuns } from './lambdaDebugRuns';
import { localSdk } from '../aws/sdk';
import { DEBUG_TYPE } from './debugType';

export { DEBUG_TYPE };

type LambdaLaunchConfiguration = vscode.DebugConfiguration &
  LambdaLaunchAttributes & {
    readonly profile?: string;
    readonly region?: string;
    readonly sourceMaps?: boolean;
    readonly outFiles?: string[];
    readonly skipFiles?: string[];
    readonly justMyCode?: boolean;
    readonly stopAfterInvocation?: boolean;
  };

/** The launch configuration that debugs a function: by template and logical id, or by code directory and handler. */
export function launchConfigurationFor(d: LocalFunctionDefinition, folder: string): vscode.DebugConfiguration {
  const rel = (p: string) => path.relative(folder, p) || '.';
  return d.origin
    ? { type: DEBUG_TYPE, request: 'launch', name: `Lambda: ${d.name} (${rel(d.origin.file)})`, template: `\${workspaceFolder}/${rel(d.origin.file)}`, logicalId: d.origin.id }
    : { type: DEBUG_TYPE, request: 'launch', name: `Lambda: ${d.handler} (${rel(d.codeDir)})`, codeUri: `\${workspaceFolder}/${rel(d.codeDir)}`, handler: d.handler, runtime: d.runtime };
}

/**
 * The `aws-lambda-local` debug type: it resolves into the language's own debugger (VS Code's JavaScript debugger
 * for Node.js, the Python Debugger for Python) launching our runtime client behind a local Runtime API that
 * delivers the chosen event.
 */
export class LambdaDebugProvider implements vscode.DebugConfigurationProvider {
  constructor(
    private readonly runs: LambdaDebugRuns,
    private readonly workspace: WorkspaceFunctionsService,
    private readonly runtimesDir: string,
  ) {}

  /**
   * launch.json's first configurations, and (dynamic) the Run and Debug picker's: one per workspace function that can be
   * debugged; without
   * a template, one per handler of the active editor; for a new launch.json with neither, an example to fill in.
   */
  provideDebugConfigurations(folder: vscode.WorkspaceFolder | undefined): Promise<vscode.DebugConfiguration[]> {
    return this.configurations(folder, false);
  }

  async configurations(folder: vscode.WorkspaceFolder | undefined, dynamic: boolean): Promise<vscode.DebugConfiguration[]> {
    const functions = await this.workspace.functions();
    const root = folder?.uri.fsPath ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    if (!root) return [];
    // Only functions a debugger can stop in: a Ruby function would only be refused.
    const inFolder = functions.filter((f) => (!folder || !path.relative(root, f.codeDir).startsWith('..')) && localRuntime(f.runtime)?.debugger);
    if (inFolder.length) return inFolder.map((f) => launchConfigurationFor(f, root));
    const fromEditor = await this.activeEditorHandlers();
    if (fromEditor.length || dynamic) return fromEditor.map((f) => launchConfigurationFor(f, root));
    return [{ type: DEBUG_TYPE, request: 'launch', name: 'Lambda: index.handler', codeUri: '${workspaceFolder}', handler: 'index.handler', runtime: guessRuntime(root, 'index.handler'), event: { id: 's3 put', params: {} } }];
  }

  /** The handlers exported by the active editor's file, as ad hoc functions. */
  private async activeEditorHandlers(): Promise<LocalFunctionDefinition[]> {
    const document = vscode.window.activeTextEditor?.document;
    const language = document && document.uri.scheme === 'file' ? handlerLanguage(document.fileName) : undefined;
    if (!document || !language) return [];
    const dir = path.dirname(document.fileName);
    const module = path.basename(document.fileName).replace(/\.[^.]+$/, '');
    return findHandlers(document.getText(), language).flatMap((h) => {
      const definition = localSdk().adHocFunction(`${dir}:${module}.${h.name}`, dir);
      return definition ? [definition] : [];
    });
  }

  async resolveDebugConfiguration(folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): Promise<vscode.DebugConfiguration | undefined> {
    const root = folder?.uri.fsPath ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    if (!root) {
      void this.runs.refuse('Debugging a Lambda function locally needs a folder: open the folder of your function or template.');
      return undefined;
    }
    if (!config.type && !config.request) {
      // F5 without a launch.json: the function the active editor belongs to, or the user's pick.
      const picked = await this.pickFunction();
      if (!picked) return undefined;
      config = launchConfigurationFor(picked, root);
    }
    const name = String(config.name ?? 'aws-lambda-local');
    try {
      const c = substituteVariables(config, { workspaceFolder: root, file: vscode.window.activeTextEditor?.document.uri.fsPath }) as LambdaLaunchConfiguration;
      let definition = await localSdk().resolveLaunchTarget(c, root, sourceOptions());
      if (c.region) definition = { ...definition, environment: { ...definition.environment, AWS_REGION: c.region, AWS_DEFAULT_REGION: c.region } };
      const languageDebugger = localRuntime(definition.runtime)?.debugger;
      if (!languageDebugger) {
        return this.offerRunWithout(definition, `${definition.name} runs on ${definition.runtime}, which cannot be debugged locally yet: breakpoint debugging is for ${DEBUGGABLE_RUNTIMES} functions. Run it without debugging instead.`, c.event, root);
      }
      const needed = languageDebugger.extension;
      if (needed && !vscode.extensions.getExtension(needed.id)) {
        return this.offerRunWithout(definition, `Debugging the ${definition.runtime} function ${definition.name} needs the ${needed.name} extension (${needed.id}). Install it, or run the function without debugging.`, c.event, root, needed.id);
      }
      const event = (await localSdk().resolveLaunchEvent(c.event, definition.name, root)) ?? (await chooseEvent(definition.name, async () => [], {}));
      if (!event) return undefined;
      const check = checkPayload(event.json, 'RequestResponse');
      if (!check.ok) throw new Error(`the event (${event.label}): ${check.message}`);
      const credentials = await runCredentials(definition, c.profile ? { profile: c.profile, origin: `"profile" in ${name}` } : undefined);
      const run = this.runs.create({ definition, event: { label: event.label, json: check.text }, credentials, stopAfterInvocation: c.stopAfterInvocation !== false, cacheDir: this.workspace.cacheDir, fetchLayer: this.workspace.fetchLayer });
      this.runs.lastConfiguration = { folder, configuration: config };
      const launch = await run.start(this.runtimesDir);
      if (run.warning) void vscode.window.showWarningMessage(run.warning);
      return localSdk().debuggerConfiguration(definition.runtime, launch, {
        name,
        runtimesDir: this.runtimesDir,
        codeDir: definition.codeDir,
        workspaceFolder: root,
        sourceMaps: c.sourceMaps,
        outFiles: c.outFiles,
        skipFiles: c.skipFiles,
        justMyCode: c.justMyCode,
        preLaunchTask: c.preLaunchTask as string | undefined,
        marker: { [RUN_MARKER]: run.id },
      });
    } catch (error) {
      const message = `Cannot debug ${name}: ${(error as Error).message}`;
      void this.runs.refuse(message, 'Open launch.json').then((choice) => choice && vscode.commands.executeCommand('workbench.action.debug.configure'));
      return undefined;
    }
  }

  /** Refuses with the message and offers to run without debugging; the launch ends now, whatever is chosen later. */
  private offerRunWithout(definition: LocalFunctionDefinition, message: string, event: unknown, root: string, extensionToInstall?: string): undefined {
    const actions = [...(extensionToInstall ? ['Install'] : []), 'Run Without Debugging'];
    void this.runs.refuse(message, ...actions).then(async (choice) => {
      if (choice === 'Install') {
        await vscode.commands.executeCommand('workbench.extensions.search', extensionToInstall);
      } else if (choice === 'Run Without Debugging') {
        const resolved = await localSdk().resolveLaunchEvent(event, definition.name, root)
          .catch(() => undefined);
        await vscode.commands.executeCommand('serverlessExplorer.invokeLocal', undefined, { definition, ...(resolved ? { payload: resolved.json } : {}) });
      }
    });
    return undefined;
  }

  private async pickFunction(): Promise<LocalFunctionDefinition | undefined> {
    const functions = await this.workspace.functions();
    const file = vscode.window.activeTextEditor?.document.uri.fsPath;
    // A bundled function's own too (a CDK NodejsFunction's .ts, outside its cdk.out asset), by its source map.
    const own = file ? await functionsWrittenIn(functions, file) : [];
    if (own.length === 1) return own[0];
    const choice = await vscode.window.showQuickPick(
      (own.length ? own : functions).map((f) => ({ label: f.name, description: `${f.runtime} · ${vscode.workspace.asRelativePath(f.codeDir)}`, f })),
      { title: 'Debug which function?' },
    );
    return choice?.f;
  }
}
