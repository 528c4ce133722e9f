// The sample-event catalogue.
export { CATALOG, EventLookupError, eventId, findEvent, findEventById, generateEvent } from '../events/catalog';
