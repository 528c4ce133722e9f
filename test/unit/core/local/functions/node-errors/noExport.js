/* global exports */
// Exports something, but not the handler the definition names.
exports.somethingElse = async () => 'not the handler';
