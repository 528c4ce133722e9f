import { eventBridge } from '../../../../support/eventBridgeKeys';

/** Security Hub's EventBridge event (Security Hub user guide, "EventBridge event formats"; findings in ASFF). */
const F = 'findings[]';

export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'eventbridge securityhub-findings-imported': eventBridge(
    ...[
      'SchemaVersion',
      'Id',
      'ProductArn',
      'ProductName',
      'CompanyName',
      'Region',
      'GeneratorId',
      'AwsAccountId',
      'Types[]',
      'FirstObservedAt',
      'LastObservedAt',
      'CreatedAt',
      'UpdatedAt',
      'Severity.Label',
      'Severity.Normalized',
      'Severity.Original',
      'Title',
      'Description',
      'Remediation.Recommendation.Text',
      'Remediation.Recommendation.Url',
      'ProductFields',
      'Resources[].Type',
      'Resources[].Id',
      'Resources[].Partition',
      'Resources[].Region',
      'Resources[].Details',
      'Compliance.Status',
      'Compliance.SecurityControlId',
      'Compliance.AssociatedStandards[].StandardsId',
      'WorkflowState',
      'Workflow.Status',
      'RecordState',
      'FindingProviderFields.Severity.Label',
      'FindingProviderFields.Severity.Original',
      'FindingProviderFields.Types[]',
      'ProcessedAt',
    ].map((key) => `${F}.${key}`),
  ),
};
