import { eventBridge } from '../../../../support/eventBridgeKeys';

/** ECR's EventBridge events (ECR user guide, "Amazon ECR events and EventBridge"). */
export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'eventbridge ecr-image-push': eventBridge('result', 'repository-name', 'image-digest', 'action-type', 'artifact-media-type', 'image-tag', 'manifest-media-type'),
  'eventbridge ecr-image-scan': eventBridge(
    'scan-status',
    'repository-name',
    'finding-severity-counts.CRITICAL',
    'finding-severity-counts.HIGH',
    'finding-severity-counts.MEDIUM',
    'finding-severity-counts.LOW',
    'finding-severity-counts.INFORMATIONAL',
    'finding-severity-counts.UNDEFINED',
    'image-digest',
    'image-tags[]',
  ),
};
