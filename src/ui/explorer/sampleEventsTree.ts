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

/** The AWS service events of one EventBridge `source` within a trigger source: "aws.codebuild". */
export class EventBridgeSourceItem extends vscode.TreeItem {
  constructor(
    group: string,
    source: string,
    readonly events: readonly SampleEvent[],
  ) {
    super(source, vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `group:${group}/${source}`;
    this.description = `${events.length}`;
    this.tooltip = `Events AWS sends to EventBridge with source ${source}`;
    this.iconPath = new vscode.ThemeIcon('symbol-event');
  }
}

/** A group this long, with events of this many AWS services, lists them by EventBridge source rather than in one run. */
const NEST_ABOVE = 12;
const NEST_SOURCES = 3;

/** The `serverlessExplorer.events` view: trigger sources → their sample events (EventBridge's by AWS service). */
export class SampleEventsTree implements vscode.TreeDataProvider<vscode.TreeItem> {
  getTreeItem(item: vscode.TreeItem): vscode.TreeItem {
    return item;
  }

  getChildren(item?: vscode.TreeItem): vscode.TreeItem[] {
    if (item instanceof TriggerSourceItem) return groupChildren(item.group, item.events);
    if (item instanceof EventBridgeSourceItem) return item.events.map(eventItem);
    if (item) return [];
    const groups = new Map<string, SampleEvent[]>();
    for (const event of eventsSdk().CATALOG) groups.set(event.group, [...(groups.get(event.group) ?? []), event]);
    return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([group, events]) => new TriggerSourceItem(group, events));
  }
}

function eventItem(event: SampleEvent): SampleEventItem {
  return new SampleEventItem(eventsSdk().eventId(event), event, eventsSdk().eventSource(event));
}

function groupChildren(group: string, events: readonly SampleEvent[]): vscode.TreeItem[] {
  const bySource = new Map<string, SampleEvent[]>();
  const rest: SampleEvent[] = [];
  for (const event of events) {
    // SAM CLI's own (the scheduled event) stay in view: they are the ones most people look for.
    const { sam, eventBridge } = eventsSdk().eventSource(event);
    const source = sam ? undefined : eventBridge?.source;
    if (source) bySource.set(source, [...(bySource.get(source) ?? []), event]);
    else rest.push(event);
  }
  if (events.length <= NEST_ABOVE || bySource.size < NEST_SOURCES) return events.map(eventItem);
  const nested = [...bySource].sort(([a], [b]) => a.localeCompare(b)).map(([source, ofSource]) => new EventBridgeSourceItem(group, source, ofSource));
  return [...rest.map(eventItem), ...nested];
}
