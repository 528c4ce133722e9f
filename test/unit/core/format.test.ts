import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { consoleUrl } from '../../../src/core/aws/console';
import { bytes, count, timeAgo } from '../../../src/core/format';

describe('core format', () => {
  describe('timeAgo', () => {
    const now = Date.parse('2024-06-15T12:00:00.000Z');
    const ago = (ms: number) => new Date(now - ms);
    const MIN = 60_000;
    const HOUR = 60 * MIN;
    const DAY = 24 * HOUR;

    it('says "just now" under a minute, and for times slightly in the future (clock skew)', () => {
      assert.equal(timeAgo(ago(0), now), 'just now');
      assert.equal(timeAgo(ago(59_000), now), 'just now');
      assert.equal(timeAgo(ago(-30_000), now), 'just now');
    });

    it('counts whole minutes, hours and days', () => {
      assert.equal(timeAgo(ago(MIN), now), '1 min ago');
      assert.equal(timeAgo(ago(59 * MIN + 59_000), now), '59 min ago');
      assert.equal(timeAgo(ago(HOUR), now), '1 h ago');
      assert.equal(timeAgo(ago(23 * HOUR + 59 * MIN), now), '23 h ago');
      assert.equal(timeAgo(ago(DAY), now), '1 d ago');
      assert.equal(timeAgo(ago(29 * DAY), now), '29 d ago');
    });

    it('shows the date from 30 days on', () => {
      assert.equal(timeAgo(ago(30 * DAY), now), '2024-05-16');
      assert.equal(timeAgo('2023-01-02T03:04:05.000Z', now), '2023-01-02');
    });

    it("reads Lambda's LastModified text (+0000 offset) and ISO strings", () => {
      assert.equal(timeAgo('2024-06-15T11:57:00.000+0000', now), '3 min ago');
      assert.equal(timeAgo('2024-06-15T09:00:00Z', now), '3 h ago');
      assert.equal(timeAgo('2024-06-15T14:00:00.000+0200', now), 'just now');
    });

    it('says nothing for a missing or unreadable date', () => {
      assert.equal(timeAgo(undefined, now), '');
      assert.equal(timeAgo('', now), '');
      assert.equal(timeAgo('not a date', now), '');
      assert.equal(timeAgo(new Date(Number.NaN), now), '');
    });

    it('never says a longer time for a more recent date', () => {
      // Reads a text back as an age in seconds (a date: from its midnight UTC).
      const age = (text: string) => {
        if (text === 'just now') return 0;
        const m = /^(\d+) (min|h|d) ago$/.exec(text);
        if (m) return { min: 60, h: 3600, d: 86_400 }[m[2] as 'min' | 'h' | 'd'] * Number(m[1]);
        assert.match(text, /^\d{4}-\d{2}-\d{2}$/);
        return (now - Date.parse(text)) / 1000;
      };
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 400 * DAY }), fc.integer({ min: 0, max: 400 * DAY }), (a, b) => {
          const [recent, older] = a <= b ? [a, b] : [b, a];
          const r = timeAgo(ago(recent), now);
          const o = timeAgo(ago(older), now);
          assert.ok(age(r) <= age(o), `${recent} ms → ${r}, ${older} ms → ${o}`);
        }),
      );
    });
  });

  describe('bytes', () => {
    it('uses B below 1 KiB, then KB and MB with one decimal', () => {
      assert.equal(bytes(0), '0 B');
      assert.equal(bytes(1023), '1023 B');
      assert.equal(bytes(1024), '1.0 KB');
      assert.equal(bytes(1536), '1.5 KB');
      assert.equal(bytes(1024 * 1024), '1.0 MB');
      assert.equal(bytes(52_428_800), '50.0 MB');
    });

    it('says nothing for an unknown size', () => {
      assert.equal(bytes(undefined), '');
    });

    // BUG (src/core/format.ts, cosmetic): sizes just below 1 MiB (1,048,525 to 1,048,575 bytes) are shown as
    // "1024.0 KB" because the unit is chosen before rounding; they should read "1.0 MB".
    it('never shows 1024.0 KB', () => {
      assert.equal(bytes(1024 * 1024 - 1), '1.0 MB');
    });
  });

  describe('count', () => {
    it('puts the noun in the plural except for one, with thousands separators', () => {
      assert.equal(count(0, 'function'), '0 functions');
      assert.equal(count(1, 'function'), '1 function');
      assert.equal(count(2, 'running task'), '2 running tasks');
      assert.equal(count(12_345, 'function'), '12,345 functions');
    });
  });

  describe('consoleUrl', () => {
    it('links to the commercial console in the resource region', () => {
      assert.equal(consoleUrl.lambdaFunction('us-east-1', 'hello'), 'https://us-east-1.console.aws.amazon.com/lambda/home?region=us-east-1#/functions/hello');
      assert.equal(consoleUrl.ecsCluster('eu-west-1', 'web'), 'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/web/services?region=eu-west-1');
    });

    it('links to the China console for cn- regions', () => {
      const url = new URL(consoleUrl.lambdaFunction('cn-north-1', 'hello'));
      assert.equal(url.host, 'cn-north-1.console.amazonaws.cn');
      assert.equal(url.searchParams.get('region'), 'cn-north-1');
      assert.equal(new URL(consoleUrl.ecsService('cn-northwest-1', 'c', 's')).hostname.endsWith('.amazonaws.cn'), true);
    });

    it('links to the GovCloud console for us-gov- regions', () => {
      const url = new URL(consoleUrl.ecsTask('us-gov-west-1', 'c', 't'));
      assert.equal(url.host, 'us-gov-west-1.console.amazonaws-us-gov.com');
      assert.equal(url.searchParams.get('region'), 'us-gov-west-1');
    });

    it('links to each kind of resource', () => {
      assert.equal(
        consoleUrl.lambdaVersion('eu-west-1', 'fn', '7'),
        'https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/fn/versions/7',
      );
      assert.equal(
        consoleUrl.lambdaAlias('eu-west-1', 'fn', 'live'),
        'https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/fn/aliases/live',
      );
      assert.equal(
        consoleUrl.ecsService('eu-west-1', 'web', 'api'),
        'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/web/services/api/health?region=eu-west-1',
      );
      assert.equal(
        consoleUrl.ecsTask('eu-west-1', 'web', '0123456789abcdef0123456789abcdef'),
        'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/web/tasks/0123456789abcdef0123456789abcdef/configuration?region=eu-west-1',
      );
    });

    it('encodes names, so that $LATEST, spaces, slashes, ? and # stay inside their path segment', () => {
      assert.equal(consoleUrl.lambdaVersion('us-east-1', 'fn', '$LATEST').endsWith('/versions/%24LATEST'), true);
      const url = new URL(consoleUrl.ecsService('us-east-1', 'a/b c', 'x?y#z'));
      assert.equal(url.pathname, '/ecs/v2/clusters/a%2Fb%20c/services/x%3Fy%23z/health');
      assert.equal(url.searchParams.get('region'), 'us-east-1');
      assert.equal(url.hash, '');
    });

    it('keeps any name whole in its segment of the link', () => {
      // "." and ".." are path steps to a URL parser (and not valid ECS names).
      const name = fc.string({ minLength: 1 }).filter((n) => n !== '.' && n !== '..');
      fc.assert(
        fc.property(name, name, (cluster, service) => {
          const url = new URL(consoleUrl.ecsService('us-west-2', cluster, service));
          const segments = url.pathname.split('/');
          assert.deepEqual(segments.slice(0, 4), ['', 'ecs', 'v2', 'clusters']);
          assert.equal(decodeURIComponent(segments[4]), cluster);
          assert.equal(segments[5], 'services');
          assert.equal(decodeURIComponent(segments[6]), service);
          assert.equal(url.searchParams.get('region'), 'us-west-2');
        }),
      );
    });
  });
});
