// The sample-event catalogue.
export { CATALOG, EventLookupError, eventId, findEvent, findEventById, generateEvent } from '../events/catalog';
export { eventSource } from '../events/eventSource';
export type { EventSource } from '../events/eventSource';
