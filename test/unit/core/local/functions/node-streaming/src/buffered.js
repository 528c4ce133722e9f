/* global exports */
exports.handler = async (event) => ({ buffered: true, echo: event });
