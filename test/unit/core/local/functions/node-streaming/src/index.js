/* global exports, awslambda, setTimeout */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

exports.handler = awslambda.streamifyResponse(async (event, responseStream, context) => {
  const stream = awslambda.HttpResponseStream.from(responseStream, {
    statusCode: 201,
    headers: { 'Content-Type': 'text/plain', 'X-Request-Id': context.awsRequestId },
  });
  console.log('streaming for', event.name ?? 'nobody');
  stream.write(`first part for ${event.name ?? 'nobody'}\n`);
  await sleep(event.pauseMs ?? 300);
  stream.write('second part\n');
  stream.end();
});
