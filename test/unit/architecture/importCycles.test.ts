import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { importCycles, readImportGraph } from '../../support/importCycles';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

describe('architecture: imports', () => {
  it('form no cycle in src/ and media/, type-only imports included', () => {
    const graph = readImportGraph(ROOT, ['src', 'media']);
    assert.ok(graph.size > 100, `read only ${graph.size} files: is ROOT (${ROOT}) the repository?`);
    const cycles = importCycles(graph).map((cycle) => cycle.join(' → '));
    if (cycles.length > 0) assert.fail(`Import cycles (move the shared types to the module that owns them, or to a small types file):\n  ${cycles.join('\n  ')}`);
  });
});
