// Amazon MQ (Lambda developer guide, "Using Lambda with Amazon MQ"). RabbitMQ messages are keyed by queue: only the map.
export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  // The Lambda guide's sample spells correlationId; aws-lambda-go's testdata spells correlationID.
  'mq activemq': [
    'eventSource',
    'eventSourceArn',
    'messages[].brokerInTime',
    'messages[].brokerOutTime',
    'messages[].correlationId',
    'messages[].data',
    'messages[].deliveryMode',
    'messages[].destination.physicalName',
    'messages[].expiration',
    'messages[].messageID',
    'messages[].messageType',
    'messages[].priority',
    'messages[].properties',
    'messages[].redelivered',
    'messages[].replyTo',
    'messages[].timestamp',
    'messages[].type',
  ],
  'mq rabbitmq': [
    'eventSource',
    'eventSourceArn',
    'rmqMessagesByQueue',
  ],
};
