// Secrets Manager rotation function input (Secrets Manager user guide, "Rotation by Lambda function").
export const documentedKeys: Readonly<Record<string, readonly string[]>> = {
  'secretsmanager rotation': [
    'ClientRequestToken',
    'RotationToken',
    'SecretId',
    'Step',
  ],
};
