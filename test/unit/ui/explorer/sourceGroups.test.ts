import * as assert from 'node:assert/strict';
import type { LocalFunctionDefinition } from '../../../../src/core/local/types';
import { groupBySource } from '../../../../src/ui/explorer/sourceGroups';

const KINDS = [
  { kind: 'cdk', title: 'AWS CDK' },
  { kind: 'sam', title: 'SAM / CloudFormation' },
];

const fn = (name: string, source?: string): LocalFunctionDefinition => ({
  name,
  codeDir: `/w/${name}`,
  handler: 'index.handler',
  runtime: 'nodejs20.x',
  timeoutSeconds: 3,
  memoryMb: 128,
  environment: {},
  architecture: 'x86_64',
  ...(source && { origin: { source, file: `/w/${source}.file`, id: name } }),
});

describe('ui/explorer groupBySource: the Local Functions view groups by kind of project', () => {
  it('gives each kind present its functions and problems, in the registry order, empty kinds left out', () => {
    const groups = groupBySource(KINDS, [fn('Hello', 'sam'), fn('Orders/Api/Handler', 'cdk'), fn('Bye', 'sam')], [{ file: '/w/cdk.out/manifest.json', message: 'stale' }], (file) => (file.includes('cdk.out') ? 'cdk' : 'sam'));
    assert.deepEqual(
      groups.map((g) => [g.title, g.functions.map((f) => f.name), g.problems.map((p) => p.message)]),
      [
        ['AWS CDK', ['Orders/Api/Handler'], ['stale']],
        ['SAM / CloudFormation', ['Hello', 'Bye'], []],
      ],
    );
  });

  it('makes one group for a workspace of one kind (the view then lists its functions as they are)', () => {
    assert.equal(groupBySource(KINDS, [fn('Hello', 'sam')], [], () => 'sam').length, 1);
  });
});
