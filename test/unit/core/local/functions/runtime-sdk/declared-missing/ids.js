/* global require, exports */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS handler, as Lambda runs it */
const { v4: uuid } = require('uuid');

exports.lambdaHandler = async () => ({ id: uuid() });
