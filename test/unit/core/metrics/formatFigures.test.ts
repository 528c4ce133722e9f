import * as assert from 'node:assert/strict';
import { formatCount, formatDuration, formatPercent, formatSuccessRate } from '../../../../src/core/metrics/formatFigures';

describe('core/metrics summary figures', () => {
  it('reads as people write them, with a dash for no data', () => {
    assert.deepEqual([formatCount(1234), formatCount(0), formatCount(undefined)], ['1,234', '0', '—']);
    assert.deepEqual([formatPercent(23.44), formatPercent(100), formatPercent(undefined)], ['23.4 %', '100 %', '—']);
    assert.deepEqual(
      [formatDuration(2.134), formatDuration(123.4), formatDuration(999.7), formatDuration(1500), formatDuration(undefined)],
      ['2.13 ms', '123 ms', '1 s', '1.5 s', '—'],
    );
  });

  it('never shows a success rate with errors as 100 %', () => {
    assert.equal(formatSuccessRate(99.96), '99.9 %');
    assert.equal(formatSuccessRate(99.2), '99.2 %');
    assert.equal(formatSuccessRate(100), '100 %');
  });
});
