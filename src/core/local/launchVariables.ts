import * as os from 'node:os';
import * as path from 'node:path';

export interface VariableContext {
  readonly workspaceFolder?: string;
  /** The active editor's file. */
  readonly file?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * VS Code's launch.json variables in our own attributes (a debug type is resolved before VS Code substitutes
 * them): ${workspaceFolder}, ${workspaceFolderBasename}, ${file}, ${fileDirname}, ${fileBasename},
 * ${fileBasenameNoExtension}, ${relativeFile}, ${env:NAME}, ${userHome}, ${pathSeparator}. Throws on one it cannot
 * know here (${input:…}, ${command:…}) or whose value is missing, naming it.
 */
export function substituteVariables<T>(value: T, ctx: VariableContext): T {
  if (typeof value === 'string') return substitute(value, ctx) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => substituteVariables(v, ctx)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteVariables(v, ctx)])) as T;
  return value;
}

function substitute(text: string, ctx: VariableContext): string {
  return text.replace(/\$\{([^}]+)\}/g, (whole, name: string) => {
    const env = /^env:(.+)$/.exec(name);
    if (env) return (ctx.env ?? process.env)[env[1]] ?? '';
    const value = lookup(name, ctx);
    if (value === undefined) {
      throw new Error(
        /^(input|command|config):/.test(name)
          ? `${whole} cannot be used in an aws-lambda-local attribute: give the value itself.`
          : `${whole} has no value here${name.startsWith('file') || name === 'relativeFile' ? ' (no file is open)' : name.startsWith('workspaceFolder') ? ' (no folder is open)' : ''}.`,
      );
    }
    return value;
  });
}

function lookup(name: string, { workspaceFolder, file }: VariableContext): string | undefined {
  switch (name) {
    case 'workspaceFolder':
    case 'workspaceRoot':
      return workspaceFolder;
    case 'workspaceFolderBasename':
      return workspaceFolder && path.basename(workspaceFolder);
    case 'file':
      return file;
    case 'fileDirname':
      return file && path.dirname(file);
    case 'fileBasename':
      return file && path.basename(file);
    case 'fileBasenameNoExtension':
      return file && path.basename(file, path.extname(file));
    case 'relativeFile':
      return file && (workspaceFolder ? path.relative(workspaceFolder, file) : file);
    case 'userHome':
      return os.homedir();
    case 'pathSeparator':
      return path.sep;
    default:
      return undefined;
  }
}
