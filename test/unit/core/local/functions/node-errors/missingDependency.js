/* global require, exports */
// Requires a package that is not installed.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const missing = require('a-package-that-is-not-installed');
exports.handler = async () => missing;
