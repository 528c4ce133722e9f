const { v4: uuid } = require('uuid');

exports.lambdaHandler = async () => ({ id: uuid() });
