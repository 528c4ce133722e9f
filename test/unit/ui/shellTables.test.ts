import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { handlerLanguages } from '../../../src/core/local/runtimes/registry';
import { FEATURE_COMMANDS } from '../../../src/ui/shell/featureCommands';

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

  it('registers the handler CodeLens for exactly the languages the runtime families write handlers in (the build reads them from the registry)', function () {
    const shell = path.resolve(__dirname, '../../../../dist/extension.js');
    if (!fs.existsSync(shell)) this.skip();
    // scripts/build.mjs injects them as SE_HANDLER_LANGUAGES (src/ui/shell/handlerLanguages.ts).
    const injected = /define_SE_HANDLER_LANGUAGES_default = (\[[^\]]*\])/.exec(fs.readFileSync(shell, 'utf8'))?.[1];
    assert.ok(injected, `${shell} has no SE_HANDLER_LANGUAGES: run npm run build`);
    assert.deepEqual((JSON.parse(injected) as string[]).sort(), handlerLanguages().sort());
    assert.ok(handlerLanguages().includes('ruby'));
  });
});
