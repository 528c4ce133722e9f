/* global exports */
// A handler nested in an object: "handlers.api.handler".
'use strict';
exports.api = {
  handler: async (event) => ({ nested: true, event }),
};
