import * as assert from 'node:assert/strict';
import { formatReportLine, parseLastReport, parseReportFields, reportRequestIdEnd } from '../../../../src/core/lambda/report';

describe('core/lambda REPORT line', () => {
  it('writes the line Lambda writes, with ? for an unmeasured memory peak and Init Duration only on a cold start', () => {
    assert.equal(
      formatReportLine('r1', { durationMs: 12.3, billedDurationMs: 13, memorySizeMb: 128, maxMemoryUsedMb: 70, initDurationMs: 150 }),
      'REPORT RequestId: r1\tDuration: 12.30 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB\tInit Duration: 150.00 ms\t',
    );
    assert.equal(formatReportLine('r2', { durationMs: 1, billedDurationMs: 1, memorySizeMb: 256 }), 'REPORT RequestId: r2\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 256 MB\tMax Memory Used: ? MB\t');
  });

  it('reads back what it writes', () => {
    const report = { durationMs: 41.27, billedDurationMs: 42, memorySizeMb: 512, maxMemoryUsedMb: 88, initDurationMs: 201.09 };
    const line = formatReportLine('8f507cfc-1a2b-4c3d-9e8f-0123456789ab', report);
    assert.deepEqual(parseReportFields(line, reportRequestIdEnd(line) + 1), report);
    assert.deepEqual(parseLastReport(`START RequestId: x\n${line}\n`), report);
  });

  it('reads the last REPORT line of a log tail, and only that line', () => {
    const log = 'REPORT RequestId: a\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\t\nprint\nREPORT RequestId: b\tDuration: 2.50 ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: 61 MB\t\nDuration: 9 ms';
    assert.deepEqual(parseLastReport(log), { durationMs: 2.5, billedDurationMs: 3, memorySizeMb: 128, maxMemoryUsedMb: 61 });
    assert.equal(parseLastReport(log.slice(0, log.indexOf('\n')))?.durationMs, 1);
  });
});
