import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { findEventById, generateEvent } from '../events/catalog';
import { listSavedEvents } from '../events/savedEvents';
import { adHocFunction } from './adHoc';
import type { SourceFunctions } from './sources/functionSource';
import { readFunctionsIn, type SourceOptions } from './sources/registry';
import type { LocalFunctionDefinition } from './types';

/** The attributes of an `aws-lambda-local` launch configuration (package.json describes them for users). */
export interface LambdaLaunchAttributes {
  readonly template?: string;
  readonly logicalId?: string;
  readonly codeUri?: string;
  readonly handler?: string;
  readonly runtime?: string;
  /** A catalogue id with parameters, a saved event's name, a file, or the event itself. */
  readonly event?: unknown;
  readonly environment?: Readonly<Record<string, unknown>>;
  readonly timeout?: number;
  readonly memorySize?: number;
}

/** A launch configuration that cannot run, with what to change. */
export class LaunchConfigError extends Error {
  override readonly name = 'LaunchConfigError';
}

/** The function a launch configuration names: a template's logical id (its file read for `sources`: the stage), or a code directory and handler. */
export async function resolveLaunchTarget(a: LambdaLaunchAttributes, workspaceFolder: string, sources?: SourceOptions): Promise<LocalFunctionDefinition> {
  let definition: LocalFunctionDefinition;
  if (a.template !== undefined || a.logicalId !== undefined) {
    if (!a.template || !a.logicalId) throw new LaunchConfigError('Give both "template" (the SAM/CloudFormation template) and "logicalId" (the function resource in it).');
    const file = path.resolve(workspaceFolder, a.template);
    let read: SourceFunctions;
    try {
      read = await readFunctionsIn(file, undefined, sources);
    } catch {
      throw new LaunchConfigError(`"template": ${file} cannot be read. Give the path of a SAM/CloudFormation template, relative to the workspace folder.`);
    }
    const { functions, problems } = read;
    const found = functions.find((f) => f.origin?.id === a.logicalId);
    if (!found) {
      const problem = problems.find((p) => p.functionId === a.logicalId || !p.functionId);
      if (problem) throw new LaunchConfigError(`${a.template}: ${problem.message}`);
      const known = functions.map((f) => f.name);
      throw new LaunchConfigError(`"logicalId": ${a.template} has no function ${a.logicalId}. ${known.length ? `Its functions: ${known.join(', ')}.` : 'It defines no functions.'}`);
    }
    definition = found;
  } else if (a.codeUri !== undefined || a.handler !== undefined) {
    if (!a.codeUri || !a.handler) throw new LaunchConfigError('Give both "codeUri" (the code directory) and "handler" (e.g. index.handler), or "template" and "logicalId".');
    const found = adHocFunction(`${a.codeUri}:${a.handler}`, workspaceFolder, a.runtime);
    if (!found) throw new LaunchConfigError(`"codeUri": ${path.resolve(workspaceFolder, a.codeUri)} is not a directory.`);
    definition = found;
  } else {
    throw new LaunchConfigError('Say which function to debug: "template" and "logicalId", or "codeUri", "handler" and "runtime".');
  }
  const environment = { ...definition.environment };
  for (const [key, value] of Object.entries(a.environment ?? {})) environment[key] = typeof value === 'string' ? value : JSON.stringify(value);
  if (a.timeout !== undefined && !(typeof a.timeout === 'number' && a.timeout >= 1 && a.timeout <= 900)) throw new LaunchConfigError('"timeout" is in seconds, from 1 to 900 (Lambda\'s limits).');
  if (a.memorySize !== undefined && !(typeof a.memorySize === 'number' && a.memorySize >= 128 && a.memorySize <= 10240)) throw new LaunchConfigError('"memorySize" is in MB, from 128 to 10240 (Lambda\'s limits).');
  return {
    ...definition,
    ...(a.runtime && a.template ? { runtime: a.runtime } : {}),
    environment,
    timeoutSeconds: a.timeout ?? definition.timeoutSeconds,
    memoryMb: a.memorySize ?? definition.memoryMb,
  };
}

/**
 * The event of a launch configuration, as JSON text, or undefined when it names none (then the user picks one).
 * A string is a saved event of the function, a file, a catalogue id ("s3 put") or JSON text, in that order;
 * { "id": …, "params": … } is a catalogue event; any other value is the event itself.
 */
export async function resolveLaunchEvent(event: unknown, functionName: string, workspaceFolder: string): Promise<{ label: string; json: string } | undefined> {
  if (event === undefined || event === null || event === '') return undefined;
  if (typeof event === 'string') {
    const saved = (await listSavedEvents(workspaceFolder, functionName).catch(() => [])).find((s) => s.name === event);
    if (saved) return { label: `saved: ${saved.name}`, json: await fs.readFile(saved.file, 'utf8') };
    const file = path.resolve(workspaceFolder, event);
    if (/\.json$/i.test(event) || (await isFile(file))) {
      try {
        return { label: path.relative(workspaceFolder, file), json: await fs.readFile(file, 'utf8') };
      } catch {
        throw new LaunchConfigError(`"event": ${file} cannot be read. Give a saved event of ${functionName}, a JSON file, a sample event id such as "s3 put", or the event itself.`);
      }
    }
    if (/^\s*[[{"]/.test(event) || /^\s*(-?\d|true|false|null)/.test(event)) return { label: 'inline event', json: event };
    return catalogueEvent(event, {});
  }
  if (isCatalogueReference(event)) return catalogueEvent(event.id, event.params ?? {});
  return { label: 'inline event', json: JSON.stringify(event, null, 2) };
}

function isCatalogueReference(value: unknown): value is { id: string; params?: Record<string, string> } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return typeof (value as { id?: unknown }).id === 'string' && keys.every((k) => k === 'id' || k === 'params');
}

function catalogueEvent(id: string, params: Readonly<Record<string, unknown>>): { label: string; json: string } {
  try {
    const values = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
    return { label: id, json: JSON.stringify(generateEvent(findEventById(id), values), null, 2) };
  } catch (error) {
    throw new LaunchConfigError(`"event": ${(error as Error).message}`);
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}
