// Kafka (Lambda developer guide, "Using Lambda with Amazon MSK" / "with self-managed Apache Kafka"). Records are keyed by topic-partition: only the map.
export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'kafka msk': [
    'bootstrapServers',
    'eventSource',
    'eventSourceArn',
    'records',
  ],
  'kafka self-managed': [
    'bootstrapServers',
    'eventSource',
    'records',
  ],
};
