import * as path from 'node:path';
import * as vscode from 'vscode';
import { adHocFunctionForFile } from '../../core/local/adHoc';
import { handlerSources } from '../../core/local/handlerSources';
import { findExportedFunctions } from '../../core/local/handlerSymbols';
import { handlerLanguages, localRuntime } from '../../core/local/runtimes/registry';
import type { LocalFunctionDefinition } from '../../core/local/types';
import type { PickedFunction } from '../invoke/pickFunction';
import type { WorkspaceFunctionsService } from '../local/workspaceFunctionsService';
import { setting } from '../settings';
import type { DeployedFunctionIndex } from './deployedFunctionIndex';

const LANGUAGES = new Set(handlerLanguages());
/** Larger files are bundles or generated code, not handlers anyone edits: not parsed. */
const MAX_LENGTH = 1_000_000;
/** More deployed functions of one name than this are left to the explorer's own Invoke. */
const MAX_DEPLOYED_LENSES = 3;

interface TemplateTarget {
  readonly definition: LocalFunctionDefinition;
  readonly exportName: string;
}

/**
 * "Invoke locally | Debug locally | Invoke deployed" above the handlers of the languages the runtime registry knows
 * (Debug only where the runtime has a debugger): those the workspace templates point at (their sources too, through
 * source maps), with the template's definition; and, in files no template knows, exported functions that look like
 * handlers, run ad hoc from their folder.
 */
export class HandlerCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  /** Template functions by the files their handlers are written in. */
  private targets?: Promise<Map<string, TemplateTarget[]>>;

  constructor(
    private readonly workspace: WorkspaceFunctionsService,
    private readonly deployed: DeployedFunctionIndex,
  ) {}

  /** Asks VS Code for lenses again; `templatesChanged` re-reads which files the template functions live in. */
  refresh(templatesChanged = false): void {
    if (templatesChanged) this.targets = undefined;
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const language = document.languageId;
    if (!LANGUAGES.has(language) || !setting('codeLens.enabled')) return [];
    const text = document.getText();
    if (text.length > MAX_LENGTH) return [];
    const exported = findExportedFunctions(text, language);
    if (exported.length === 0) return [];
    const file = document.uri.fsPath;
    const targets = (await this.templateTargets()).get(fileKey(file)) ?? [];
    if (token.isCancellationRequested) return [];
    const lenses: vscode.CodeLens[] = [];
    for (const fn of exported) {
      const fromTemplate = targets.filter((t) => t.exportName === fn.name).map((t) => t.definition);
      // In a file the templates know (a handler module, or a source of one), they say which functions are handlers:
      // its other exports are helpers (describe() beside the handler in src/), not functions to run ad hoc.
      if (fromTemplate.length === 0 && (targets.length > 0 || !fn.handlerLike)) continue;
      const definitions = fromTemplate.length > 0 ? fromTemplate : [adHocFunctionForFile(file, fn.name, language)];
      const range = new vscode.Range(fn.line - 1, 0, fn.line - 1, 0);
      for (const definition of definitions) lenses.push(...this.lenses(range, definition, fromTemplate.length > 0, definitions.length > 1));
    }
    return lenses;
  }

  dispose(): void {
    this.changed.dispose();
  }

  private lenses(range: vscode.Range, definition: LocalFunctionDefinition, fromTemplate: boolean, named: boolean): vscode.CodeLens[] {
    const which = named ? ` ${definition.name}` : '';
    const origin = definition.origin
      ? `${definition.runtime}, from ${vscode.workspace.asRelativePath(definition.origin.file)}`
      : `${definition.runtime}, ${definition.handler} in ${vscode.workspace.asRelativePath(definition.codeDir)}, outside any template`;
    const lenses = [
      new vscode.CodeLens(range, {
        title: `$(play) Invoke${which} locally`,
        tooltip: `Run ${definition.name} (${origin}) on this machine with an event`,
        command: 'serverlessExplorer.invokeLocal',
        arguments: [undefined, { definition }],
      }),
      // Only where a debugger exists (not Ruby yet).
      ...(localRuntime(definition.runtime)?.debugger
        ? [
            new vscode.CodeLens(range, {
              title: `$(debug-alt) Debug${which} locally`,
              tooltip: `Debug ${definition.name} (${origin}) on this machine with an event, stopping at breakpoints`,
              command: 'serverlessExplorer.debugLocal',
              arguments: [definition],
            }),
          ]
        : []),
    ];
    const deployed = this.deployed.matching(definition.name, fromTemplate).slice(0, MAX_DEPLOYED_LENSES);
    const labels = distinguishing(deployed);
    deployed.forEach(({ session, fn }, i) => {
      const target: PickedFunction = { session: { profile: session.profile, region: session.region }, fn };
      lenses.push(
        new vscode.CodeLens(range, {
          title: `$(cloud) Invoke deployed${labels[i] ? ` (${labels[i]})` : ''}`,
          tooltip: `Invoke ${fn.name} in AWS (${session.profile} · ${session.region}) with a sample event`,
          command: 'serverlessExplorer.invoke',
          arguments: [target],
        }),
      );
    });
    return lenses;
  }

  private templateTargets(): Promise<Map<string, TemplateTarget[]>> {
    this.targets ??= (async () => {
      const targets = new Map<string, TemplateTarget[]>();
      for (const definition of await this.workspace.functions()) {
        const sources = await handlerSources(definition).catch(() => undefined);
        for (const file of sources?.files ?? []) {
          const key = fileKey(file);
          targets.set(key, [...(targets.get(key) ?? []), { definition, exportName: sources!.exportName }]);
        }
      }
      return targets;
    })().catch(() => new Map<string, TemplateTarget[]>());
    return this.targets;
  }
}

/** For several deployed matches, what tells them apart: the name, profile or region, whichever differ. */
function distinguishing(deployed: readonly PickedFunction[]): string[] {
  if (deployed.length < 2) return deployed.map(() => '');
  const differs = (part: (p: PickedFunction) => string) => new Set(deployed.map(part)).size > 1;
  const parts = [(p: PickedFunction) => p.fn.name, (p: PickedFunction) => p.session.profile, (p: PickedFunction) => p.session.region].filter(differs);
  return deployed.map((p) => parts.map((part) => part(p)).join(' · '));
}

function fileKey(file: string): string {
  const normalized = path.normalize(file);
  return process.platform === 'win32' || process.platform === 'darwin' ? normalized.toLowerCase() : normalized;
}

