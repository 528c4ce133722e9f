import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { requireLocalRuntime } from '../../../../../../src/core/local/runtimes/registry';

// Which Ruby runs a ruby3.x function. Only Debian's Ruby is installed here, so a version manager's Ruby 3.3 is a
// stand-in: a script that answers RUBY_VERSION as 3.3.6 and otherwise runs the real ruby.
describe('core/local runtimes: the Ruby a function runs on', () => {
  let home: string;
  let savedHome: string | undefined;
  let savedRbenv: string | undefined;
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'se-ruby-home-'));
    [savedHome, savedRbenv] = [process.env.HOME, process.env.RBENV_ROOT];
    process.env.HOME = home;
    delete process.env.RBENV_ROOT;
  });
  afterEach(() => {
    process.env.HOME = savedHome;
    if (savedRbenv !== undefined) process.env.RBENV_ROOT = savedRbenv;
    fs.rmSync(home, { recursive: true, force: true });
  });

  const command = (runtime: string) => requireLocalRuntime(runtime).command({ runtime, codeDir: home, handler: 'app.lambda_handler', memoryMb: 128 }, '/dist/runtimes');

  it("prefers the runtime's own version installed by rbenv, without a warning; else the ruby on PATH, saying which", () => {
    const bin = path.join(home, '.rbenv', 'versions', '3.3.6', 'bin');
    fs.mkdirSync(bin, { recursive: true });
    fs.writeFileSync(path.join(bin, 'ruby'), '#!/bin/sh\nif [ "$1" = "-e" ] && [ "$2" = "print RUBY_VERSION" ]; then printf 3.3.6; exit 0; fi\nexec ruby "$@"\n', { mode: 0o755 });
    const ruby33 = command('ruby3.3');
    assert.deepEqual([ruby33.command, ruby33.warning], [path.join(bin, 'ruby'), undefined]);
    assert.deepEqual(ruby33.args, [path.join('/dist/runtimes', 'ruby', 'bootstrap.rb')]);
    const ruby34 = command('ruby3.4');
    assert.notEqual(ruby34.command, path.join(bin, 'ruby'));
    assert.match(ruby34.warning ?? '', /^ruby3\.4 runs on the local Ruby \d+\.\d+\.\d+ \(Ruby 3\.4 is not installed\)\.$/);
  });

  it('says how to get Ruby when there is none', () => {
    const saved = process.env.PATH;
    process.env.PATH = path.join(home, 'empty');
    try {
      assert.throws(() => command('ruby3.3'), /ruby3\.3 needs Ruby on this machine: install Ruby 3\.3 \(or any Ruby 3\) and make sure ruby is on PATH\./);
    } finally {
      process.env.PATH = saved;
    }
  });
});
