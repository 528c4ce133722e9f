import * as path from 'node:path';

/**
 * Whether a deployed function is the local one named `localName`: the same name, or, for a template's logical
 * id, a name CloudFormation generated from it (`<stack>-<LogicalId>-<suffix>`, as SAM deploys do).
 */
export function isDeployedAs(deployedName: string, localName: string, fromTemplate: boolean): boolean {
  if (deployedName === localName) return true;
  return fromTemplate && /^[A-Za-z0-9]+$/.test(localName) && deployedName.split('-').slice(1).includes(localName);
}

/** Names that say nothing about which function a file is. */
const GENERIC = new Set(['handler', 'handlers', 'lambda_handler', 'lambdahandler', 'main', 'index', 'app', 'lambda', 'lambda_function', 'function', 'src', 'dist', 'lib', 'build', 'out']);

/**
 * A name for a handler outside any template, to show and to look for among deployed functions: the export's
 * name unless it is a generic one (handler, lambda_handler…), else the file's, else its folder's.
 */
export function adHocFunctionName(file: string, exportName: string): string {
  const base = path.basename(file, path.extname(file));
  const folder = path.basename(path.dirname(file));
  return [exportName, base, folder].find((name) => name && !GENERIC.has(name.toLowerCase())) ?? exportName;
}
