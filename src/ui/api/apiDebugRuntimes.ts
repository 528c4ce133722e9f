import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { RuntimeLauncher } from '../../core/local/runtimeProcess';
import type { LocalFunctionDefinition } from '../../core/local/types';
import { localSdk } from '../aws/sdk';
import { DebuggedRuntime, trackDebuggedRuntimes } from '../debug/debuggedRuntime';

/** The launch configuration property that ties a function's debug session to its runtime under Debug Local API. */
export const API_RUNTIME_MARKER = '__serverlessExplorerApiRuntime';

/**
 * The runtimes of Debug Local API: each cold start of a function hands its launch to the language's debugger, as
 * Debug Locally does, in a child session of the API's, so that a request reaching a breakpoint in a handler stops
 * there and continuing answers it. A function no debugger here can stop in runs as without debugging, said once.
 */
export class ApiDebugRuntimes implements vscode.Disposable {
  private readonly runtimes = new Map<string, DebuggedRuntime>();
  private readonly tracking = trackDebuggedRuntimes(API_RUNTIME_MARKER, (id) => this.runtimes.get(id));
  private readonly told = new Set<string>();
  /** The API's own session, the functions' sessions' parent (known once VS Code has started it). */
  parent?: vscode.DebugSession;

  constructor(
    private readonly folder: vscode.WorkspaceFolder,
    private readonly runtimesDir: string,
    private readonly say: (line: string) => void,
  ) {}

  /** How the function's runtimes start: under its language's debugger, or (undefined) as a process of our own. */
  launcher(definition: LocalFunctionDefinition): RuntimeLauncher | undefined {
    const languageDebugger = localSdk().localRuntime(definition.runtime)?.debugger;
    const missing = languageDebugger?.extension && !vscode.extensions.getExtension(languageDebugger.extension.id) ? languageDebugger.extension : undefined;
    if (!languageDebugger || missing) {
      this.tellOnce(definition.name, `${definition.name} runs without the debugger: ${missing ? `debugging ${definition.runtime} needs the ${missing.name} extension (${missing.id})` : `${definition.runtime} cannot be debugged locally yet`}.`);
      return undefined;
    }
    return (launch, events) => {
      const id = randomUUID();
      const runtime = new DebuggedRuntime(events, () => this.runtimes.delete(id));
      this.runtimes.set(id, runtime);
      const configuration = localSdk().debuggerConfiguration(definition.runtime, launch, {
        name: `${definition.name} (Local API)`,
        runtimesDir: this.runtimesDir,
        codeDir: definition.codeDir,
        workspaceFolder: this.folder.uri.fsPath,
        marker: { [API_RUNTIME_MARKER]: id },
      });
      const failed = (why: string) => {
        this.say(`${definition.name}: its debug session did not start (${why}).`);
        runtime.terminated();
      };
      if (!configuration) {
        failed(`no debugger for ${definition.runtime}`);
      } else {
        vscode.debug.startDebugging(this.folder, configuration, { parentSession: this.parent, lifecycleManagedByParent: true }).then(
          (started) => started || failed('VS Code did not start it'),
          (error: unknown) => failed((error as Error).message),
        );
      }
      return runtime;
    };
  }

  dispose(): void {
    for (const runtime of this.runtimes.values()) runtime.stopSession();
    this.runtimes.clear();
    this.tracking.dispose();
  }

  private tellOnce(name: string, line: string): void {
    if (this.told.has(name)) return;
    this.told.add(name);
    this.say(line);
  }
}
