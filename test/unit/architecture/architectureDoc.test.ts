import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// ARCHITECTURE.md says where each kind of change goes, with one real example each: every path it names must exist.
const ROOT = path.resolve(__dirname, '../../../..');

describe('ARCHITECTURE.md', () => {
  it('names only files and folders that exist', () => {
    const text = fs.readFileSync(path.join(ROOT, 'ARCHITECTURE.md'), 'utf8');
    const named = [...text.matchAll(/`((?:src|test|bench|scripts|media)\/[^`\s]*)`/g)].map((m) => m[1]).filter((p) => !/[<*…]/.test(p));
    assert.ok(named.length >= 20, `only ${named.length} paths found`);
    const missing = [...new Set(named)].filter((p) => !fs.existsSync(path.join(ROOT, p)));
    assert.deepEqual(missing, [], `ARCHITECTURE.md names paths that do not exist: ${missing.join(', ')}`);
  });
});
