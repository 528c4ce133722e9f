import * as assert from 'node:assert/strict';
import { choosePeriod } from '../../../../src/core/metrics/period';

// The period of a refresh: fine enough to see spikes, at most ~360 points, and never finer than CloudWatch still keeps.

const NOW = Date.UTC(2026, 10, 26, 14, 7, 30);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const endingNow = (ms: number) => ({ start: NOW - ms, end: NOW });

describe('core/metrics choosePeriod', () => {
  it('gives each range preset ending now its period', () => {
    const presets: [string, number, number][] = [
      ['5m', 5 * MINUTE, 60],
      ['15m', 15 * MINUTE, 60],
      ['1h', HOUR, 60],
      ['3h', 3 * HOUR, 60],
      ['12h', 12 * HOUR, 300],
      ['24h', DAY, 300],
      ['3d', 3 * DAY, 900],
      ['7d', 7 * DAY, 3600],
    ];
    for (const [preset, ms, period] of presets) assert.equal(choosePeriod(endingNow(ms), NOW), period, preset);
  });

  it('keeps every range at most 360 points, up to a day per point', () => {
    assert.equal(choosePeriod(endingNow(6 * HOUR), NOW), 60, 'exactly 360 one-minute points');
    assert.equal(choosePeriod(endingNow(6 * HOUR + MINUTE), NOW), 300);
    assert.equal(choosePeriod(endingNow(30 * DAY), NOW), 10_800);
    assert.equal(choosePeriod(endingNow(90 * DAY), NOW), 21_600);
    assert.equal(choosePeriod(endingNow(100 * DAY), NOW), 86_400);
    assert.equal(choosePeriod(endingNow(3 * 365 * DAY), NOW), 86_400, 'the coarsest period even beyond 360 days');
    assert.equal(choosePeriod({ start: NOW, end: NOW }, NOW), 60, 'an empty range');
  });

  it('asks for 5-minute data when the range starts over 15 days ago (1-minute data is gone)', () => {
    const start = NOW - 16 * DAY;
    assert.equal(choosePeriod({ start, end: start + HOUR }, NOW), 300);
    const recent = NOW - 14 * DAY;
    assert.equal(choosePeriod({ start: recent, end: recent + HOUR }, NOW), 60);
  });

  it('asks for hourly data when the range starts over 63 days ago (5-minute data is gone)', () => {
    const start = NOW - 64 * DAY;
    assert.equal(choosePeriod({ start, end: start + HOUR }, NOW), 3600);
    const recent = NOW - 62 * DAY;
    assert.equal(choosePeriod({ start: recent, end: recent + HOUR }, NOW), 300);
  });

  it('uses the current time when none is given', () => {
    assert.equal(choosePeriod({ start: Date.now() - 20 * DAY, end: Date.now() - 20 * DAY + HOUR }), 300);
  });
});
