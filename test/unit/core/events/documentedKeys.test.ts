import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { CATALOG, eventId, findEventById, generateEvent } from '../../../../src/core/events/catalog';
import type { EventContext } from '../../../../src/core/events/types';
import { keyPaths, missingPaths } from '../../../support/eventKeyPaths';

/**
 * Each file in documentedKeys/ exports `documentedKeys`: event id → the key paths AWS documents for that event (the
 * Lambda developer guide's event pages, the service's own "event structure" pages, EventBridge's event reference),
 * written by us from the docs. A generated event must have every one of them.
 */
type DocumentedKeys = Readonly<Record<string, readonly string[]>>;

const FIXED: EventContext = { now: new Date('2026-11-26T14:05:09.123Z'), uuid: () => '11111111-2222-4333-8444-555555555555' };

function loadLists(): Map<string, { file: string; paths: readonly string[] }> {
  const dir = path.join(__dirname, 'documentedKeys');
  const lists = new Map<string, { file: string; paths: readonly string[] }>();
  if (!existsSync(dir)) return lists;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js')).sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the lists are found on disk, so no static import names them
    const { documentedKeys } = require(path.join(dir, file)) as { documentedKeys: DocumentedKeys };
    for (const [id, paths] of Object.entries(documentedKeys)) {
      const earlier = lists.get(id);
      if (earlier) throw new Error(`${id} has documented keys in both ${earlier.file} and ${file}`);
      lists.set(id, { file, paths });
    }
  }
  return lists;
}

describe('core/events: the keys AWS documents, event by event', () => {
  const lists = loadLists();
  const ids = new Set(CATALOG.map(eventId));

  const found = (id: string) => {
    try {
      return findEventById(id);
    } catch {
      return undefined;
    }
  };

  it('lists only events the catalogue has (or still finds under a retired id)', () => {
    assert.deepEqual([...lists.keys()].filter((id) => !found(id)), []);
  });

  it('has a list for every event of the catalogue', () => {
    assert.deepEqual([...ids].filter((id) => !lists.has(id)), []);
  });

  it('the path notation matches what a generated event yields (a self-check of the helper)', () => {
    const paths = keyPaths({ Records: [{ 'a.b': { c: 1 } }], d: null });
    assert.deepEqual([...paths].sort(), ['Records', 'Records[]', 'Records[]["a.b"]', 'Records[]["a.b"].c', 'd']);
  });

  for (const [id, { file, paths }] of lists) {
    it(`${id} has every documented key (${file.replace(/\.js$/, '')})`, () => {
      const event = found(id);
      assert.ok(event, `no event ${id}`);
      assert.deepEqual(missingPaths(generateEvent(event, {}, FIXED), paths), []);
    });
  }
});
