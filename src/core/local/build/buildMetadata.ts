import * as path from 'node:path';
import type { FunctionBuild } from './functionBuild';

/** What a resource's Metadata.BuildMethod means for a local run: a build of ours, nothing to do, or a problem to report. */
export interface BuildMetadata {
  readonly build?: FunctionBuild;
  /** Why the method is not carried out here and what to do instead (the function still runs from its code folder). */
  readonly problem?: string;
}

/** The language builders of `sam build` that only install dependencies: locally the code folder runs as it is. */
const DEPENDENCY_BUILDERS = /^(nodejs\d+\.x|python\d+\.\d+|ruby\d+\.\d+)$/;

/** Whether a template is one `sam build` wrote (.aws-sam/build/template.yaml): its code is built already. */
export function isBuiltTemplate(templateFile: string): boolean {
  const parts = path.resolve(templateFile).split(path.sep);
  return parts.includes('.aws-sam') && parts[parts.indexOf('.aws-sam') + 1] === 'build';
}

/**
 * Reads `Metadata: { BuildMethod, BuildProperties }` of a function as `sam build` reads it. esbuild becomes a build
 * of ours; the npm/pip/bundler builders need nothing (the project's node_modules or virtualenv is there already);
 * any other method (makefile, Go, Java, .NET, Rust) builds what we cannot, so the function is reported with the way
 * to run `sam build`'s output instead.
 */
export function readBuildMetadata(metadata: unknown, handler: unknown, templateFile: string): BuildMetadata {
  if (!isRecord(metadata) || metadata.BuildMethod === undefined) return {};
  const method = String(metadata.BuildMethod);
  if (isBuiltTemplate(templateFile)) return {};
  if (DEPENDENCY_BUILDERS.test(method)) return {};
  if (method.toLowerCase() !== 'esbuild') {
    return { problem: `BuildMethod ${method} is not run locally, so the code folder runs as it is (run sam build, then run the function from .aws-sam/build/template.yaml, e.g. --template .aws-sam/build/template.yaml)` };
  }
  const properties = isRecord(metadata.BuildProperties) ? { ...metadata.BuildProperties } : {};
  const entryPoints = properties.EntryPoints;
  delete properties.EntryPoints;
  let entries: string[];
  if (entryPoints === undefined) {
    const module = typeof handler === 'string' ? handlerModule(handler) : undefined;
    if (!module) return { problem: 'BuildMethod esbuild needs an entry point: set BuildProperties.EntryPoints (e.g. [app.ts]) or a Handler such as app.handler' };
    entries = [module];
  } else if (Array.isArray(entryPoints) && entryPoints.length > 0 && entryPoints.every((e) => typeof e === 'string' && e.trim() !== '')) {
    entries = entryPoints as string[];
  } else {
    return { problem: 'BuildProperties.EntryPoints is not a list of files (write e.g. EntryPoints: [app.ts])' };
  }
  return { build: { method: 'esbuild', entryPoints: entries, properties, projectRoot: path.dirname(path.resolve(templateFile)) } };
}

/** The module a Node handler names, as sam build takes it for the default entry point: "src/app.handler" → "src/app". */
function handlerModule(handler: string): string | undefined {
  const dot = handler.indexOf('.', handler.lastIndexOf('/') + 1);
  return dot > 0 ? handler.slice(0, dot) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
