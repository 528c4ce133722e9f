import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkEventName, saveEvent, savedEventFile } from '../../core/events/savedEvents';
import { checkPayload } from '../../core/lambda/payload';
import type { UiDeps } from '../uiDeps';
import { FunctionNode } from '../explorer/nodes/lambdaNodes';
import { SampleEventItem } from '../explorer/sampleEventsTree';
import { buildSampleEvent, openJsonEditor } from './eventParameters';
import { pickFunction } from '../invoke/pickFunction';
import { eventsSdk } from '../aws/sdk';

/** Opening sample events, and saving events for a function under .vscode/lambda-events/. */
export function registerEventCommands({ aws, explorer, commands }: UiDeps): vscode.Disposable[] {
  return [
    commands.register('serverlessExplorer.openSampleEvent', async (target?: string | SampleEventItem) => {
      const id = typeof target === 'string' ? target : target instanceof SampleEventItem ? target.eventId : await pickEventId();
      if (!id) return undefined;
      const event = eventsSdk().findEventById(id);
      const built = await buildSampleEvent(event);
      if (!built) return undefined;
      return openJsonEditor(id.replace(/\s+/g, '-'), built.json);
    }),
    commands.register('serverlessExplorer.saveTestEvent', async (target?: FunctionNode, name?: string) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showWarningMessage('Open the event to save (a JSON editor) first, e.g. from the Sample Events view.');
        return undefined;
      }
      const check = checkPayload(editor.document.getText(), 'RequestResponse');
      if (!check.ok) {
        void vscode.window.showErrorMessage(check.message.replace('invoke again; nothing was sent', 'save again'));
        return undefined;
      }
      const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
      if (!root) {
        void vscode.window.showWarningMessage('Open a folder first: test events are saved in it, under .vscode/lambda-events/<function>/, to share through git.');
        return undefined;
      }
      const functionName = target instanceof FunctionNode ? target.fn.name : (await pickFunction(aws, 'Save the event for which function?'))?.fn.name;
      if (!functionName) return undefined;
      const suggested = path.basename(editor.document.uri.path).replace(/\.json$/i, '').replace(/^Untitled-\d+$/, 'event');
      const eventName =
        name ??
        (await vscode.window.showInputBox({
          title: `Save test event for ${functionName}`,
          prompt: `Saved as .vscode/lambda-events/${functionName}/<name>.json`,
          value: suggested,
          validateInput: checkEventName,
        }));
      if (!eventName) return undefined;
      const file = savedEventFile(root, functionName, eventName);
      if (fs.existsSync(file) && name === undefined) {
        const answer = await vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(file)} exists. Replace it?`, { modal: true }, 'Replace');
        if (answer !== 'Replace') return undefined;
      }
      await saveEvent(root, functionName, eventName, check.text);
      explorer.refreshSavedEvents(functionName);
      void vscode.window.showInformationMessage(`Saved ${vscode.workspace.asRelativePath(file)}: commit it to share it with your team.`);
      return file;
    }),
  ];
}

async function pickEventId(): Promise<string | undefined> {
  const { CATALOG, eventId, eventSource } = eventsSdk();
  const choice = await vscode.window.showQuickPick(
    CATALOG.map((e) => ({ label: e.title, description: eventId(e), detail: `${e.group} · ${eventSource(e).label}` })),
    { title: 'Open a sample event', matchOnDescription: true, matchOnDetail: true, placeHolder: 'Type a service or trigger: s3, sqs, cognito…' },
  );
  return choice?.description;
}
