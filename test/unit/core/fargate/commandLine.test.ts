import * as assert from 'node:assert/strict';
import { parseCommandLine } from '../../../../src/core/fargate/commandLine';

describe('core/fargate parseCommandLine', () => {
  it('splits words as a shell would, without expanding anything', () => {
    assert.deepEqual(parseCommandLine('node job.js'), ['node', 'job.js']);
    assert.deepEqual(parseCommandLine('  sh  -c "echo $EVENT | jq ."  '), ['sh', '-c', 'echo $EVENT | jq .']);
    assert.deepEqual(parseCommandLine(`python -c 'print("hi")' a\\ b ""`), ['python', '-c', 'print("hi")', 'a b', '']);
    assert.deepEqual(parseCommandLine(''), []);
  });

  it('takes a JSON array as a task definition writes commands', () => {
    assert.deepEqual(parseCommandLine('["node", "job.js", "--dry run"]'), ['node', 'job.js', '--dry run']);
  });

  it('says what is wrong with an unclosed quote or a bad array', () => {
    assert.throws(() => parseCommandLine('sh -c "echo'), /unclosed " quote/);
    assert.throws(() => parseCommandLine('["node", 1]'), /must be an array of strings/);
    assert.throws(() => parseCommandLine('["node",'), /looks like a JSON array but is not valid JSON/);
  });
});
