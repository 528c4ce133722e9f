import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

const TEMPLATE = `# AWS shared config: https://docs.aws.amazon.com/sdkref/latest/guide/file-format.html
# Serverless Explorer lists the profiles defined here and in the credentials file.
#
# [profile my-sso]
# sso_session = my-org
# sso_account_id = 123456789012
# sso_role_name = Developer
# region = eu-west-1
#
# [sso-session my-org]
# sso_start_url = https://my-org.awsapps.com/start
# sso_region = eu-west-1
`;

export function awsConfigPath(): string {
  return process.env.AWS_CONFIG_FILE || path.join(os.homedir(), '.aws', 'config');
}

/** Opens the AWS config file; a missing one opens as an unsaved editor with a commented example, created only when saved. */
export async function openAwsConfig(): Promise<void> {
  const file = awsConfigPath();
  if (fs.existsSync(file)) {
    await vscode.window.showTextDocument(vscode.Uri.file(file));
    return;
  }
  const editor = await vscode.window.showTextDocument(vscode.Uri.file(file).with({ scheme: 'untitled' }));
  if (editor.document.getText() === '') {
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), TEMPLATE));
  }
}
