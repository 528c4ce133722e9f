import { eventBridge } from '../../../../support/eventBridgeKeys';

/** A PutEvents event (EventBridge user guide, "Amazon EventBridge events"): the envelope; the detail is the sender's own. */
export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'eventbridge custom': eventBridge(),
};
