import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { OUTPUT_END_MARK } from '../../../../src/core/local/runtimes/outputEndMark';
import { RuntimeOutput } from '../../../../src/core/local/runtimeOutput';

// What a runtime writes, as ExecutionEnvironment hears it from the pipes: arbitrary chunks per stream, end marks
// before each outcome. The real processes are in outputCompleteness.test.ts.

const NONCE = 'f00dfeed';
const mark = (id: string, nonce = NONCE) => `${OUTPUT_END_MARK} ${nonce} ${id}\n`;

/** Splits text at the given cut points, as a pipe may deliver it. */
function chunks(text: string, cuts: number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let from = 0;
  for (const cut of at) {
    parts.push(text.slice(from, cut));
    from = cut;
  }
  parts.push(text.slice(from));
  return parts;
}

describe('core/local RuntimeOutput', () => {
  it('gives the same lines however the pipe cuts the text, a mark included', () => {
    const line = fc.string({ unit: fc.constantFrom('a', 'é', '€', '\t', ' ', '\u001e', 'S', 'E', '-'), maxLength: 30 });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), fc.array(line, { maxLength: 5 }), fc.array(fc.nat(), { maxLength: 12 }), (before, after, cuts) => {
        const output = new RuntimeOutput(NONCE);
        output.begin('r1');
        const text = before.map((l) => `${l}\n`).join('') + mark('r1') + after.map((l) => `${l}\n`).join('');
        for (const part of chunks(text, cuts)) output.write('stdout', part);
        output.write('stderr', mark('r1'));
        assert.deepEqual(output.take(), before);
        output.begin('r2');
        assert.deepEqual(output.take(), after, 'what came after the mark starts the next invocation');
      }),
    );
  });

  it('waits for the mark on both streams, and lines after one stream’s mark go to the next invocation', async () => {
    const output = new RuntimeOutput(NONCE);
    output.begin('r1');
    output.write('stdout', 'one\n');
    output.write('stdout', mark('r1'));
    output.write('stdout', 'timer of r1\n');
    let done = false;
    const waiting = output.untilMarked(5000).then(() => (done = true));
    await new Promise(setImmediate);
    assert.equal(done, false, 'stderr has not ended yet');
    output.write('stderr', 'two\n');
    output.write('stderr', mark('r1'));
    await waiting;
    assert.deepEqual(output.take(), ['one', 'two']);
    output.begin('r2');
    output.write('stdout', 'three\n');
    assert.deepEqual(output.take(), ['timer of r1', 'three']);
  });

  it('ends a line left without a newline at the mark', () => {
    const output = new RuntimeOutput(NONCE);
    output.begin('r1');
    output.write('stdout', 'no newline here');
    output.write('stdout', mark('r1'));
    output.write('stderr', mark('r1'));
    assert.deepEqual(output.take(), ['no newline here']);
  });

  it('keeps a mark of the wrong nonce, or of another invocation, out of play: the first as text', async () => {
    const output = new RuntimeOutput(NONCE);
    output.begin('r1');
    output.write('stdout', mark('r1', 'guessed'));
    output.write('stdout', mark('r0'));
    output.write('stderr', mark('r0'));
    output.write('stdout', 'still r1\n');
    const started = performance.now();
    await output.untilMarked(100);
    assert.ok(performance.now() - started >= 90, 'no mark of r1 came, so the wait ran its course');
    assert.deepEqual(output.take(), [`${OUTPUT_END_MARK} guessed r1`, 'still r1']);
  });

  it('takes the init mark for the first invocation (an init error)', async () => {
    const output = new RuntimeOutput(NONCE);
    output.begin('r1');
    output.write('stdout', `Runtime.ImportModuleError\n${mark('init')}`);
    output.write('stderr', mark('init'));
    await output.untilMarked(5000);
    assert.deepEqual(output.take(), ['Runtime.ImportModuleError']);
  });

  it('without a nonce, looks for no mark and waits for none', async () => {
    const output = new RuntimeOutput();
    output.begin('r1');
    output.write('stdout', mark('r1'));
    await output.untilMarked(5000);
    assert.deepEqual(output.take(), [`${OUTPUT_END_MARK} ${NONCE} r1`]);
  });

  it('ends the wait and flushes unended lines when the pipes close', async () => {
    const output = new RuntimeOutput(NONCE);
    output.begin('r1');
    output.write('stderr', 'a crash message without a newline');
    const waiting = output.untilMarked(60_000);
    output.close();
    await waiting;
    assert.deepEqual(output.take(), ['a crash message without a newline']);
  });

  it('waits for a quiet moment when there are no marks, but no longer than it is told', async () => {
    const output = new RuntimeOutput();
    output.begin('r1');
    output.write('stdout', 'tick\n');
    const talker = setInterval(() => output.write('stdout', 'tick\n'), 5);
    const started = performance.now();
    await output.untilQuiet(25, 150);
    clearInterval(talker);
    const waited = performance.now() - started;
    assert.ok(waited >= 140 && waited < 1000, `waited ${waited} ms`);
    const quiet = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await output.untilQuiet(25, 150);
    assert.ok(performance.now() - quiet < 60, 'already quiet: no wait');
  });

  it('cuts a line longer than the line limit into pieces, the whole text kept', () => {
    const output = new RuntimeOutput(NONCE, { maxBytes: 10_000_000, maxLineChars: 1000 });
    output.begin('r1');
    const long = 'z'.repeat(3500);
    for (const part of chunks(long, [7, 700, 1999, 2600])) output.write('stdout', part);
    output.write('stdout', '\n');
    const lines = output.take();
    assert.deepEqual(lines.map((l) => l.length), [1000, 1000, 1000, 500]);
    assert.equal(lines.join(''), long);
  });

  it('keeps the first and the last half of the budget, and says how much it left out in between', () => {
    const output = new RuntimeOutput(NONCE, { maxBytes: 20_000, maxLineChars: 100_000 });
    output.begin('r1');
    for (let i = 0; i < 1000; i++) output.write('stdout', `${String(i).padStart(4, '0')} ${'.'.repeat(94)}\n`);
    const lines = output.take();
    assert.equal(lines[0].slice(0, 4), '0000');
    assert.equal(lines.at(-1)!.slice(0, 4), '0999');
    const note = lines.find((l) => l.startsWith('[Serverless Explorer:'));
    assert.ok(note, lines.slice(95, 105).join('\n'));
    // 100 lines of 100 bytes each fit in each half; the 800 between are left out.
    assert.equal(lines.length, 100 + 1 + 100);
    assert.match(note, /^\[Serverless Explorer: 78\.1 KB \(800 lines\) of output left out here\. This invocation wrote 97\.7 KB; its log keeps the first and the last 9\.8 KB\.\]$/);
    output.begin('r2');
    output.write('stdout', 'next\n');
    assert.deepEqual(output.take(), ['next'], 'the next invocation has a budget of its own');
  });
});
