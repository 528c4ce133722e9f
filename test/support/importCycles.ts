import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

/** Each .ts file under `dirs` (relative to `root`) → the .ts files it imports by relative path, `import type` included. */
export function readImportGraph(root: string, dirs: readonly string[]): Map<string, string[]> {
  const files = dirs.flatMap((dir) => tsFilesUnder(path.join(root, dir)));
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const imports = relativeSpecifiers(fs.readFileSync(file, 'utf8'))
      .map((specifier) => resolveTsFile(path.resolve(path.dirname(file), specifier), known))
      .filter((target): target is string => target !== undefined);
    graph.set(relative(root, file), [...new Set(imports)].map((target) => relative(root, target)));
  }
  return graph;
}

function tsFilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFilesUnder(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const relative = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');

/** The relative specifiers of `import`, `import type`, `export … from`, `import x = require(…)` and `import(…)`. */
function relativeSpecifiers(text: string): string[] {
  return ts
    .preProcessFile(text, true, false)
    .importedFiles.map((file) => file.fileName)
    .filter((specifier) => specifier.startsWith('.'));
}

/** `./logTail` → logTail.ts, `./nodes` → nodes/index.ts; undefined for what is not a .ts file here (CSS, JSON). */
function resolveTsFile(target: string, known: ReadonlySet<string>): string | undefined {
  const candidates = [target, `${target}.ts`, path.join(target, 'index.ts'), target.replace(/\.js$/, '.ts')];
  return candidates.find((candidate) => known.has(candidate));
}

/** The import cycles of a graph: for each file in a strongly connected component, the shortest cycle through it (each once). */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles = new Map<string, string[]>();
  for (const component of stronglyConnectedComponents(graph)) {
    const members = new Set(component);
    for (const file of component) {
      const cycle = shortestCycleThrough(file, graph, members);
      if (!cycle) continue;
      const key = canonicalKey(cycle);
      if (!cycles.has(key)) cycles.set(key, cycle);
    }
  }
  return [...cycles.values()];
}

/** Tarjan's algorithm; components of one file are kept only when the file imports itself. */
function stronglyConnectedComponents(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    lowLink.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        lowLink.set(file, Math.min(lowLink.get(file)!, lowLink.get(next)!));
      } else if (onStack.has(next)) {
        lowLink.set(file, Math.min(lowLink.get(file)!, index.get(next)!));
      }
    }
    if (lowLink.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) components.push(component.sort());
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return components;
}

/** Breadth first from `start` back to itself, inside its component: [start, …, start]. */
function shortestCycleThrough(start: string, graph: ReadonlyMap<string, readonly string[]>, members: ReadonlySet<string>): string[] | undefined {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i];
    for (const next of graph.get(file) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const route = [start];
        for (let at: string | undefined = file; at !== start && at !== undefined; at = cameFrom.get(at)) route.unshift(at);
        return [start, ...route];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, file);
        queue.push(next);
      }
    }
  }
  return undefined;
}

/** The same cycle entered at another file is the same cycle. */
function canonicalKey(cycle: readonly string[]): string {
  const ring = cycle.slice(0, -1);
  const first = ring.indexOf([...ring].sort()[0]);
  return [...ring.slice(first), ...ring.slice(0, first)].join('\n');
}
