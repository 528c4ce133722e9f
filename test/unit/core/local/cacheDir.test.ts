import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultCacheDir } from '../../../../src/core/local/cacheDir';

describe('local runs: the default cache folder', () => {
  it("is the platform's cache folder, XDG_CACHE_HOME when set, and SERVERLESS_EXPLORER_CACHE_DIR above all", () => {
    assert.equal(defaultCacheDir({}, 'linux'), path.join(os.homedir(), '.cache', 'serverless-explorer'));
    assert.equal(defaultCacheDir({ XDG_CACHE_HOME: '/x/cache' }, 'linux'), path.join('/x/cache', 'serverless-explorer'));
    assert.equal(defaultCacheDir({}, 'darwin'), path.join(os.homedir(), 'Library', 'Caches', 'serverless-explorer'));
    assert.equal(defaultCacheDir({ LOCALAPPDATA: '/w/Local' }, 'win32'), path.join('/w/Local', 'serverless-explorer', 'Cache'));
    assert.equal(defaultCacheDir({ SERVERLESS_EXPLORER_CACHE_DIR: 'rel/dir', XDG_CACHE_HOME: '/x' }, 'linux'), path.resolve('rel/dir'));
  });
});
