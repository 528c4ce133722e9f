import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONTEXT_VALUE } from '../../../src/ui/explorer/contextValues';
import { REPO_ROOT, packageManifest } from './packageManifest';

interface MenuItem {
  readonly command: string;
  readonly when?: string;
}

const menus = packageManifest<{ contributes: { menus: Record<string, MenuItem[]> } }>().contributes.menus;
const whens = Object.values(menus)
  .flat()
  .map((item) => item.when ?? '');

/** `viewItem == x` in a when clause. */
const equalities = whens.flatMap((when) => [...when.matchAll(/viewItem\s*==\s*([\w.-]+)/g)].map((m) => m[1]));
/** `viewItem =~ /…/` in a when clause, as the regular expression VS Code evaluates. */
const patterns = whens.flatMap((when) => [...when.matchAll(/viewItem\s*=~\s*\/((?:\\.|[^/\\])+)\/([a-z]*)/g)].map((m) => new RegExp(m[1], m[2])));

/** The names a menu regex lists: /^(a|b|c)$/ → a, b, c. */
function namesIn(pattern: RegExp): string[] {
  return pattern.source
    .replace(/^\^/, '')
    .replace(/\$$/, '')
    .replace(/^\((.*)\)$/, '$1')
    .split('|')
    .map((name) => name.replace(/\\(.)/g, '$1'));
}

/** Items no menu is for: messages, problems, grouping nodes without actions. */
const WITHOUT_MENU = new Set<string>([
  CONTEXT_VALUE.message,
  CONTEXT_VALUE.warning,
  CONTEXT_VALUE.lambdaTestEvents,
  CONTEXT_VALUE.eksCluster,
  CONTEXT_VALUE.eksFargateProfile,
  CONTEXT_VALUE.localProblem,
  CONTEXT_VALUE.localSource,
  CONTEXT_VALUE.triggerSource,
]);

const declared = new Set<string>(Object.values(CONTEXT_VALUE));
const keyedOn = (value: string) => equalities.includes(value) || patterns.some((pattern) => pattern.test(value));

describe('tree item contextValues (src/ui/explorer/contextValues.ts) and package.json menus', () => {
  it('finds the viewItem conditions of the menus', () => {
    assert.ok(equalities.length > 0 && patterns.length > 0);
  });

  it('keys every `viewItem == x` on a declared contextValue', () => {
    assert.deepEqual(equalities.filter((name) => !declared.has(name)), []);
  });

  it('lists only declared contextValues in every `viewItem =~ /^(a|b)$/`', () => {
    const names = patterns.flatMap(namesIn);
    assert.ok(names.length > 0);
    assert.deepEqual(names.filter((name) => !declared.has(name)), []);
  });

  it('has a menu for every contextValue but the items that have none', () => {
    const unmatched = [...declared].filter((value) => !WITHOUT_MENU.has(value) && !keyedOn(value));
    assert.deepEqual(unmatched, []);
  });

  it('has no menu for the items said to have none', () => {
    assert.deepEqual([...WITHOUT_MENU].filter(keyedOn), []);
  });

  it('gives every tree item in src/ui its contextValue from the constants, never a literal or a label', () => {
    const ui = path.join(REPO_ROOT, 'src', 'ui');
    const assignments = fs
      .readdirSync(ui, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => [...fs.readFileSync(path.join(ui, file), 'utf8').matchAll(/contextValue\s*=\s*([^;]+);/g)].map((m) => ({ file, value: m[1] })));
    assert.ok(assignments.length > 0);
    // A value, or `condition ? value : value`: each value a constant, or a contextValue handed over (spec.contextValue).
    const isConstant = (value: string) => /^(CONTEXT_VALUE\.\w+|\w+\.contextValue)$/.test(value.trim());
    const results = (value: string) => value.slice(value.lastIndexOf('?') + 1).split(':');
    assert.deepEqual(assignments.filter(({ value }) => !results(value).every(isConstant)), []);
  });

  it('declares each value once', () => {
    assert.equal(declared.size, Object.keys(CONTEXT_VALUE).length);
  });
});
