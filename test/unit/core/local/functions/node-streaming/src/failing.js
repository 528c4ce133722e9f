/* global exports, awslambda, setTimeout */
exports.handler = awslambda.streamifyResponse(async (event, responseStream) => {
  responseStream.write('before the failure\n');
  await new Promise((resolve) => setTimeout(resolve, 100));
  throw new RangeError(`the stream broke after ${event.after ?? 1} chunk`);
});
