/* global exports */
// A module that takes a while to initialise: the handler's clock must start when it is invoked.
'use strict';
const until = Date.now() + 1000;
while (Date.now() < until) {
  // busy initialisation
}
exports.handler = async (event, context) => ({ remaining: context.getRemainingTimeInMillis() });
