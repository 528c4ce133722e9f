import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { handlerLanguages } from '../../../src/core/local/runtimes/registry';
import { FEATURE_COMMANDS } from '../../../src/ui/shell/featureCommands';
import { HANDLER_LANGUAGE_IDS } from '../../../src/ui/shell/handlerLanguages';

// The shell registers everything at activation from two tables, without loading the modules behind them: they must
// say exactly what package.json contributes and what the runtime registry serves.
const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };

describe('the shell (src/extension.ts) and what it registers before anything loads', () => {
  it('gives every contributed command to exactly one feature, and no command that is not contributed', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    const owned = Object.values(FEATURE_COMMANDS).flat();
    assert.equal(new Set(owned).size, owned.length, 'a command belongs to two features');
    assert.deepEqual([...owned].sort(), contributed);
  });

  it('registers the handler CodeLens for exactly the languages the runtime families write handlers in', () => {
    assert.deepEqual([...HANDLER_LANGUAGE_IDS].sort(), handlerLanguages().sort());
  });
});
