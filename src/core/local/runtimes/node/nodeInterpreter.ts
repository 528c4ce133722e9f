import { findExecutable } from '../executables';
import { executableVersion } from '../executableVersion';
import { resolveChosen, type ChosenInterpreter, type InterpreterInfo } from '../interpreters';
import { managedNode } from './nodeInstallations';

export interface NodeInterpreter {
  readonly info: InterpreterInfo;
  /** The Node (Electron) of the process running us, as plain Node: nothing else was found. */
  readonly host?: boolean;
  /** "v24.1.0" */
  readonly version: string;
}

/**
 * The Node a function runs on: the one chosen (a setting, --node), else the runtime's major where it is installed
 * (node<major> or node on PATH, nvm, fnm, volta), else whatever node is on PATH, else our own process's.
 */
export function findNodeInterpreter(major: string | undefined, chosen?: ChosenInterpreter, env: NodeJS.ProcessEnv = process.env): NodeInterpreter {
  if (chosen) {
    const found = resolveChosen(chosen, 'node', 'node');
    return described(found.path, found.version, chosen.source);
  }
  const onPath = findExecutable('node');
  const pathVersion = onPath ? runs(onPath) : undefined;
  if (major) {
    const exact = findExecutable(`node${major}`);
    const exactVersion = exact && runs(exact);
    if (exact && exactVersion) return described(exact, exactVersion, 'PATH');
    if (onPath && pathVersion && majorOf(pathVersion) === major) return described(onPath, pathVersion, 'PATH');
    const managed = managedNode(major, env);
    const managedVersion = managed && runs(managed.path);
    if (managed && managedVersion) return described(managed.path, managedVersion, managed.manager);
  }
  if (onPath && pathVersion) return described(onPath, pathVersion, 'PATH');
  const version = `v${process.versions.node}`;
  return { ...described(process.execPath, version, 'the Node running Serverless Explorer'), host: true };
}

export function majorOf(version: string): string | undefined {
  return /^v?(\d+)\./.exec(version)?.[1];
}

function runs(file: string): string | undefined {
  const check = executableVersion(file);
  return check.ok ? check.version : undefined;
}

function described(path: string, version: string, source: string): NodeInterpreter {
  return { info: { path, version: `Node ${version}`, source }, version };
}
