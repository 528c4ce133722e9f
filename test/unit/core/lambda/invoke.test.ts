import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { checkEventName, listSavedEvents, saveEvent } from '../../../../src/core/events/savedEvents';
import { parseLastReport as parseReport } from '../../../../src/core/lambda/report';
import { looksLikeProduction } from '../../../../src/core/lambda/production';
import { checkPayload, jsonErrorPosition } from '../../../../src/core/lambda/payload';

describe('core/lambda invoke helpers', () => {
  describe('checkPayload', () => {
    it('accepts JSON within the limit and counts its bytes (UTF-8)', () => {
      const check = checkPayload('{"name":"Zoë"}', 'RequestResponse');
      assert.deepEqual(check, { ok: true, text: '{"name":"Zoë"}', bytes: 15 });
    });

    it('points at the line and column where the JSON breaks', () => {
      const cases: [string, number, number][] = [
        ['{\n  "a": 1,\n}', 3, 1],
        ['{"a": tru}', 1, 10],
        ['{"a": 1}\n\n  x', 3, 3],
        ['[1, 2', 1, 6],
      ];
      for (const [text, line, column] of cases) {
        const check = checkPayload(text, 'RequestResponse');
        assert.equal(check.ok, false);
        assert.deepEqual([check.ok || check.line, check.ok || check.column], [line, column], text);
        assert.match(check.ok ? '' : check.message, new RegExp(`line ${line}, column ${column}.*nothing was sent`));
      }
    });

    it('refuses more than 6 MB synchronously and 1 MB asynchronously, and allows exactly the limit', () => {
      const sized = (bytes: number) => `"${'x'.repeat(bytes - 2)}"`;
      assert.equal(checkPayload(sized(6 * 1024 * 1024), 'RequestResponse').ok, true);
      assert.equal(checkPayload(sized(6 * 1024 * 1024 + 1), 'RequestResponse').ok, false);
      assert.equal(checkPayload(sized(1024 * 1024), 'Event').ok, true);
      const over = checkPayload(sized(1024 * 1024 + 1), 'Event');
      assert.ok(!over.ok && /1 MB limit for asynchronous \(Event\)/.test(over.message));
    });

    it('points at the bad character even after a string (Node 20 reports cut strings with a position)', () => {
      const broken = '{\n  "a": 1,\n  "b": \n}';
      const message = (() => { try { JSON.parse(broken); return ''; } catch (e) { return (e as Error).message; } })();
      assert.deepEqual(jsonErrorPosition(broken, message), { line: 4, column: 1 });
    });

    it('finds a position inside the text for any broken JSON', () => {
      fc.assert(
        fc.property(fc.json(), fc.nat(), (json, cut) => {
          const broken = json.slice(0, cut % Math.max(1, json.length)) + '\u0001';
          const where = jsonErrorPosition(broken, (() => { try { JSON.parse(broken); return ''; } catch (e) { return (e as Error).message; } })());
          if (!where) return;
          const lines = broken.split('\n');
          assert.ok(where.line >= 1 && where.line <= lines.length);
          assert.ok(where.column >= 1 && where.column <= lines[where.line - 1].length + 1);
        }),
      );
    });
  });

  describe('parseReport', () => {
    it("reads Lambda's REPORT line, with and without an init duration", () => {
      const log = 'START RequestId: r1 Version: $LATEST\nhello\nEND RequestId: r1\nREPORT RequestId: r1\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 512 MB\tMax Memory Used: 71 MB\tInit Duration: 180.55 ms\t\n';
      assert.deepEqual(parseReport(log), { durationMs: 12.34, billedDurationMs: 13, memorySizeMb: 512, maxMemoryUsedMb: 71, initDurationMs: 180.55 });
      assert.equal(parseReport(log.replace('\tInit Duration: 180.55 ms', ''))?.initDurationMs, undefined);
      assert.equal(parseReport('no report here'), undefined);
    });
  });

  describe('looksLikeProduction', () => {
    it('notices prod in the name, the alias or an environment tag, and not in other words', () => {
      assert.match(looksLikeProduction('orders-prod-api', '') ?? '', /name/);
      assert.match(looksLikeProduction('orders', 'live') ?? '', /alias "live"/);
      assert.match(looksLikeProduction('orders', '', { Environment: 'Production' }) ?? '', /tag Environment=Production/);
      assert.equal(looksLikeProduction('product-catalog', ''), undefined);
      assert.equal(looksLikeProduction('reproduce-bug', 'staging', { team: 'prod' }), undefined);
    });
  });

  describe('saved events', () => {
    let root: string;
    beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'se-saved-'))));
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    it('saves pretty JSON under .vscode/lambda-events/<function>/<name>.json and lists it', async () => {
      const file = await saveEvent(root, 'orders-api', 'big order', '{"items":[1,2,3]}');
      assert.equal(file, path.join(root, '.vscode', 'lambda-events', 'orders-api', 'big order.json'));
      assert.equal(fs.readFileSync(file, 'utf8'), '{\n  "items": [\n    1,\n    2,\n    3\n  ]\n}\n');
      await saveEvent(root, 'orders-api', 'a-first', '{}');
      assert.deepEqual((await listSavedEvents(root, 'orders-api')).map((e) => e.name), ['a-first', 'big order']);
      assert.deepEqual(await listSavedEvents(root, 'other-function'), []);
    });

    it('refuses names that would leave the folder or are empty', async () => {
      for (const bad of ['', '   ', '../escape', 'a/b', '.hidden']) assert.ok(checkEventName(bad), `accepted "${bad}"`);
      assert.equal(checkEventName('order 42_v2.1'), undefined);
      await assert.rejects(saveEvent(root, 'f', '../x', '{}'), /Use letters/);
      assert.ok(!fs.existsSync(path.join(root, '.vscode', 'lambda-events', 'x.json')));
    });
  });
});
