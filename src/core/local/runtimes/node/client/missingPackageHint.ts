import * as fs from 'node:fs';
import * as path from 'node:path';

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;
/** The lockfile says which tool installs the project; npm when there is none. */
const LOCKFILES: ReadonlyArray<readonly [file: string, tool: string]> = [
  ['pnpm-lock.yaml', 'pnpm install'],
  ['yarn.lock', 'yarn install'],
  ['bun.lock', 'bun install'],
  ['bun.lockb', 'bun install'],
  ['package-lock.json', 'npm install'],
];

/**
 * For a handler that failed to load on a missing package: when the nearest package.json that declares the package is
 * beside a node_modules without it, the command that installs it and where to run it.
 */
export function missingPackageHint(message: string, handlerFile: string): string | undefined {
  const specifier = /Cannot find (?:module|package) '([^']+)'/.exec(message)?.[1];
  if (!specifier || /^(?:\.{0,2}\/|[a-zA-Z]:[\\/]|node:)/.test(specifier)) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  const importer = /imported from (.+)$/m.exec(message)?.[1] ?? /Require stack:\n- (.+)$/m.exec(message)?.[1];
  for (const start of new Set([importer, handlerFile].filter((f): f is string => !!f && path.isAbsolute(f)))) {
    const project = declaringProject(path.dirname(start), name);
    if (!project) continue;
    if (fs.existsSync(path.join(project, 'node_modules', ...name.split('/')))) return undefined;
    const [folder, tool] = installer(project);
    return `${name} is a dependency in ${path.join(project, 'package.json')} but is not installed: run \`${tool}\` in ${folder}.`;
  }
  return undefined;
}

/** The nearest folder at or above `dir` (not inside node_modules) whose package.json declares `name`. */
function declaringProject(dir: string, name: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    if (!d.split(path.sep).includes('node_modules')) {
      try {
        const manifest = JSON.parse(fs.readFileSync(path.join(d, 'package.json'), 'utf8')) as Record<string, unknown>;
        if (DEPENDENCY_FIELDS.some((field) => typeof manifest[field] === 'object' && manifest[field] !== null && name in (manifest[field] as object))) return d;
      } catch {
        // no package.json here, or not JSON
      }
    }
    if (path.dirname(d) === d) return undefined;
  }
}

/** Where to run the install and with what: the folder with a lockfile (a workspace's root), else the project's. */
function installer(project: string): [folder: string, tool: string] {
  for (let d = project; ; d = path.dirname(d)) {
    const found = LOCKFILES.find(([file]) => fs.existsSync(path.join(d, file)));
    if (found) return [d, found[1]];
    if (path.dirname(d) === d) return [project, 'npm install'];
  }
}
