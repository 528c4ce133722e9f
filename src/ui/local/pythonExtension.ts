import * as vscode from 'vscode';

// The part of the Python extension's public API (ms-python.python, `environments`) we use, as its
// @vscode/python-extension package types it: a few lines here instead of a dependency that only re-declares them
// and, through its `PythonExtension.api()`, would activate the extension wherever it is called.

export const PYTHON_EXTENSION_ID = 'ms-python.python';

interface EnvironmentPath {
  readonly id: string;
  readonly path: string;
}

interface ResolvedEnvironment extends EnvironmentPath {
  readonly executable: { readonly uri: vscode.Uri | undefined };
  /** Set for an environment (venv, conda, poetry…); undefined for a global interpreter. */
  readonly environment: { readonly type: string; readonly name: string | undefined } | undefined;
}

interface PythonEnvironmentsApi {
  readonly environments: {
    getActiveEnvironmentPath(resource?: vscode.Uri | vscode.WorkspaceFolder): EnvironmentPath;
    resolveEnvironment(environment: EnvironmentPath | string): Promise<ResolvedEnvironment | undefined>;
  };
}

/** The interpreter the Python extension has selected for a resource's folder. */
export interface SelectedPython {
  readonly path: string;
  /** A global interpreter, not an environment: the project's own .venv comes first. */
  readonly global: boolean;
}

/** How long a run waits for the Python extension to activate before going on without it. */
const ACTIVATION_WAIT_MS = 15_000;

/**
 * What the Python extension has selected for `resource`, when it is installed; undefined when it is not, or has no
 * API or selection. Activates it only when installed: it is what the user chose to manage their interpreters.
 */
export async function selectedPython(resource: vscode.Uri): Promise<SelectedPython | undefined> {
  const extension = vscode.extensions.getExtension<unknown>(PYTHON_EXTENSION_ID);
  if (!extension) return undefined;
  try {
    const exports = extension.isActive ? extension.exports : await within(ACTIVATION_WAIT_MS, Promise.resolve(extension.activate()));
    const environments = (exports as Partial<PythonEnvironmentsApi> | undefined)?.environments;
    if (typeof environments?.getActiveEnvironmentPath !== 'function' || typeof environments.resolveEnvironment !== 'function') return undefined;
    const active = environments.getActiveEnvironmentPath(resource);
    const resolved = await within(ACTIVATION_WAIT_MS, environments.resolveEnvironment(active));
    const path = resolved?.executable.uri?.fsPath ?? active.path;
    return path ? { path, global: !resolved?.environment } : undefined;
  } catch {
    // An extension that fails to answer is as good as none: our own discovery follows.
    return undefined;
  }
}

function within<T>(ms: number, promise: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
