import type { LayerFetcher } from '../layers/layerFetcher';
import type { RuntimeSdkProvider } from '../runtimeProvided/runtimeSdkProvider';
import type { LocalFunctionDefinition } from '../types';

/** What a local run needs besides the function's definition. */
export interface PreparationContext {
  /** Our cache folder (builds, unpacked archives, layers): see ../cacheDir.ts. */
  readonly cacheDir: string;
  readonly signal?: AbortSignal;
  /** The folder a template's function and its layers must keep their code in (the workspace folder, the CLI's project). */
  readonly projectRoot?: string;
  /** Downloads layers named by ARN, with the AWS connection of the extension or the CLI; absent, they cannot be downloaded. */
  readonly fetchLayer?: LayerFetcher;
  /** Asked to install what the runtime's SDK provides and nothing else does; without it, such a function is refused with the command. */
  readonly provideRuntimeSdk?: RuntimeSdkProvider;
}

/** The code a runtime process starts with, once what Lambda would have done at deploy time is done. */
export interface PreparedCode {
  /** LAMBDA_TASK_ROOT and the process's working folder: the code folder, or a build or unpacked copy of it. */
  readonly taskRoot: string;
  /** Variables Lambda sets for this code (NODE_PATH, PYTHONPATH, LD_LIBRARY_PATH…); the function's own win over them. */
  readonly env: Readonly<Record<string, string>>;
  /** Folders appended to PATH, in order (Lambda ends PATH with /opt/bin). */
  readonly path: readonly string[];
}

/**
 * One step of preparing a function's code (a build, unpacking an archive, laying out its layers): it receives what
 * the steps before it made. Throws RuntimeSetupError, with what to fix, when the code cannot be made ready.
 */
export type PreparationStep = (definition: LocalFunctionDefinition, code: PreparedCode, context: PreparationContext) => Promise<PreparedCode>;
