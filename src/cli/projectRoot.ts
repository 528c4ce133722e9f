import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isInside } from '../core/local/preparation/codeLocationCheck';
import type { LocalFunctionDefinition } from '../core/local/types';

/**
 * The CLI's project, which a template's code must stay in: the git repository holding the template (so that
 * infra/template.yaml may name ../services/orders), else the current folder when it holds the template, else the
 * template's own folder. Never / or the home folder, which would hold anything.
 */
export function cliProjectRoot(cwd: string): (definition: LocalFunctionDefinition) => string | undefined {
  return (definition) => {
    const template = definition.origin?.file;
    if (!template) return undefined;
    const repository = enclosingRepository(path.dirname(template));
    if (repository) return repository;
    return isInside(cwd, template) && !tooWide(cwd) ? path.resolve(cwd) : path.dirname(template);
  };
}

function enclosingRepository(dir: string): string | undefined {
  for (let d = path.resolve(dir); !tooWide(d); d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, '.git'))) return d;
  }
  return undefined;
}

function tooWide(dir: string): boolean {
  const resolved = path.resolve(dir);
  return resolved === path.dirname(resolved) || resolved === os.homedir();
}
