import * as vscode from 'vscode';
import type { EventSource } from '../../core/events/eventSource';
import type { SampleEvent } from '../../core/events/types';
import { CONTEXT_VALUE } from './contextValues';
import { eventsSdk } from '../aws/sdk';

export class TriggerSourceItem extends vscode.TreeItem {
  override readonly contextValue = CONTEXT_VALUE.triggerSource;

  constructor(
    readonly group: string,
    readonly events: readonly SampleEvent[],
  ) {
    super(group, vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `group:${group}`;
    this.description = `${events.length}`;
    this.iconPath = new vscode.ThemeIcon('folder-library');
  }
}

export class SampleEventItem extends vscode.TreeItem {
  override readonly contextValue = CONTEXT_VALUE.sampleEvent;

  constructor(
    readonly eventId: string,
    readonly event: SampleEvent,
    source: EventSource,
  ) {
    super(event.title, vscode.TreeItemCollapsibleState.None);
    this.id = `event:${eventId}`;
    this.description = [eventId, source.sam ? 'SAM CLI' : '', source.eventBridge?.source ?? ''].filter(Boolean).join(' · ');
    this.tooltip = [
      eventId,
      event.title,
      `Format from: ${sourceDetail(source)}`,
      event.params.length ? `Parameters: ${event.params.map((p) => p.name).join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    this.iconPath = new vscode.ThemeIcon('json');
    this.command = { title: 'Open Sample Event', command: 'serverlessExplorer.openSampleEvent', arguments: [eventId] };
  }
}

function sourceDetail(source: EventSource): string {
  const parts = [
    source.sam ? 'sam local generate-event (same id)' : '',
    source.eventBridge ? `EventBridge event of an AWS service (source ${source.eventBridge.source}, detail-type "${source.eventBridge.detailType}")` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'AWS documentation of the event';
}

/** The `serverlessExplorer.events` view: trigger sources → their sample events. */
export class SampleEventsTree implements vscode.TreeDataProvider<vscode.TreeItem> {
  getTreeItem(item: vscode.TreeItem): vscode.TreeItem {
    return item;
  }

  getChildren(item?: vscode.TreeItem): vscode.TreeItem[] {
    if (item instanceof TriggerSourceItem) return item.events.map((e) => new SampleEventItem(eventsSdk().eventId(e), e, eventsSdk().eventSource(e)));
    if (item) return [];
    const groups = new Map<string, SampleEvent[]>();
    for (const event of eventsSdk().CATALOG) groups.set(event.group, [...(groups.get(event.group) ?? []), event]);
    return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([group, events]) => new TriggerSourceItem(group, events));
  }
}
