import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ChosenInterpreter, InterpreterChoices } from '../../core/local/runtimes/interpreters';
import type { LocalFunctionDefinition } from '../../core/local/types';
import { SECTION } from '../settings';
import { selectedPython } from './pythonExtension';

/**
 * The interpreters a local run uses, as the user chose them for the function's folder: the settings
 * serverlessExplorer.localPythonPath and localNodePath (resource-scoped), else, for Python, the interpreter the Python
 * extension has selected. Asked before every run, so that a change applies to the next cold start.
 */
export async function chosenInterpreters(definition: LocalFunctionDefinition): Promise<InterpreterChoices | undefined> {
  const resource = vscode.Uri.file(definition.codeDir);
  const python = definition.runtime.startsWith('python') ? (fromSetting(resource, 'localPythonPath', "a Python 3 interpreter, a virtual environment's folder") ?? (await fromPythonExtension(resource))) : undefined;
  const node = definition.runtime.startsWith('nodejs') ? fromSetting(resource, 'localNodePath', 'a node binary') : undefined;
  return python || node ? { python, node } : undefined;
}

function fromSetting(resource: vscode.Uri, name: 'localPythonPath' | 'localNodePath', what: string): ChosenInterpreter | undefined {
  const value = vscode.workspace.getConfiguration(SECTION, resource).get<unknown>(name);
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(resource)?.uri.fsPath ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  let named = value.trim().replace(/\$\{workspaceFolder\}/g, folder ?? '').replace(/^~(?=$|[\\/])/, os.homedir());
  if (/[\\/]/.test(named) && !path.isAbsolute(named) && folder) named = path.resolve(folder, named);
  return {
    path: named,
    source: `setting ${SECTION}.${name}`,
    fix: `set ${SECTION}.${name} to ${what} or a name on PATH, or clear it to let the extension find one`,
  };
}

async function fromPythonExtension(resource: vscode.Uri): Promise<ChosenInterpreter | undefined> {
  const selected = await selectedPython(resource);
  return (
    selected && {
      path: selected.path,
      source: 'Python extension',
      fix: 'choose another with "Python: Select Interpreter", or name one in serverlessExplorer.localPythonPath',
      fallback: selected.global,
    }
  );
}
