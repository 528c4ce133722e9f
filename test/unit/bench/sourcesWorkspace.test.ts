import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readWorkspaceFunctions } from '../../../src/core/local/sources/registry';
import { SOURCE_KINDS, SourcesWorkspace, listedOf } from '../../../bench/sourcesWorkspace';

// The sources bench's monorepo (npm run bench, SE_BENCH_ONLY=sources): its figures mean something only if the four
// sources read what it says it wrote, before and after each of its changes.
describe('bench: the monorepo of SAM, CDK, Serverless and Terraform functions', function () {
  this.timeout(60_000);
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'se-bench-sources-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('yields its 200 functions, 50 from each source, with no problems', async () => {
    const workspace = SourcesWorkspace.write(root);
    const read = await readWorkspaceFunctions(root);
    assert.deepEqual(read.problems, []);
    assert.equal(read.functions.length, 200);
    assert.deepEqual(SOURCE_KINDS.map((kind) => read.functions.filter((f) => f.origin?.source === kind).length), [50, 50, 50, 50]);
    assert.deepEqual(listedOf(read.functions), workspace.listed());
    for (const f of read.functions) {
      const entry = path.join(f.codeDir, `${f.handler.slice(0, f.handler.lastIndexOf('.'))}.js`);
      assert.ok(fs.existsSync(entry), `${f.name}: its handler's file ${entry} exists`);
    }
  });

  it('each change (a function added, its handler changed, removed, in every source) is what the sources then read', async () => {
    const workspace = SourcesWorkspace.write(root, 3);
    const seen = new Set<string>();
    let before = workspace.listed().length;
    for (let round = 0; round < 12; round++) {
      const change = workspace.change();
      seen.add(`${change.kind} ${change.what}`);
      const read = await readWorkspaceFunctions(root);
      assert.deepEqual(read.problems, [], `${change.kind} ${change.what}`);
      assert.deepEqual(listedOf(read.functions), change.expected, `${change.kind} ${change.what}`);
      assert.equal(change.expected.length, before + ({ added: 1, 'handler changed': 0, removed: -1 } as const)[change.what]);
      before = change.expected.length;
    }
    assert.equal(seen.size, 12);
  });
});
