// AWS Config custom rule events (Config developer guide, "Example events for AWS Config rules"); invokingEvent and ruleParameters are JSON strings.
/** A Config rule invocation. */
const RULE_INVOCATION = [
  'accountId',
  'configRuleArn',
  'configRuleId',
  'configRuleName',
  'eventLeftScope',
  'executionRoleArn',
  'invokingEvent',
  'resultToken',
  'ruleParameters',
  'version',
];

export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'config item-change-notification': RULE_INVOCATION,
  'config oversized-item-change-notification': RULE_INVOCATION,
  'config periodic-rule': RULE_INVOCATION,
};
