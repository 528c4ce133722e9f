import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { escapeMarkdown } from '../../../../src/core/fargate/escapeMarkdown';
import { serviceDetailsMarkdown } from '../../../../src/core/fargate/serviceDetails';
import type { ServiceDetails } from '../../../../src/core/fargate/serviceDetails';

// VS Code's Markdown preview renders with markdown-it, raw HTML allowed; @vscode/vsce brings the same library here.
type MarkdownIt = new (options: { html: boolean; linkify: boolean }) => { render(markdown: string): string };
const MarkdownIt = createRequire(__filename)('markdown-it') as MarkdownIt;
const render = (markdown: string) => new MarkdownIt({ html: true, linkify: true }).render(markdown);

const HOSTILE = ['<img src=x onerror=alert(1)>', '**x**', '_y_', '`z`', '[link](javascript:alert(1))', '![i](http://x/i.png)', '&lt;b&gt;', 'a | b', '~~s~~', '$x$', 'back\\slash', '# h #'];

/** The text of rendered HTML, entities decoded: what a reader sees. */
function visibleText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

function details(value: string): ServiceDetails {
  const when = new Date('2025-01-02T03:04:05Z');
  return {
    cluster: value,
    region: 'us-east-1',
    service: { name: value, arn: value, status: value, desired: 1, running: 1, pending: 0, launch: value, platformVersion: value, createdAt: when, enableExecuteCommand: false },
    taskDefinition: {
      name: value,
      arn: value,
      cpu: value,
      memory: '512',
      taskRoleArn: value,
      containers: [{ name: value, image: value, essential: true, ports: [value], environmentNames: [value], secrets: [{ name: value, source: 'Secrets Manager' }], logDriver: 'awslogs', logGroup: value }],
    },
    network: { vpcId: value, subnets: [value], securityGroups: [value], assignPublicIp: 'ENABLED' },
    loadBalancers: [{ targetGroupArn: value, containerName: value, containerPort: 80 }],
    autoScaling: { available: true, target: { minCapacity: 1, maxCapacity: 4, suspended: false }, policies: [{ name: value, type: value, metric: value, alarms: [value] }] },
    deployments: [{ id: value, status: value, rolloutState: value, desired: 1, running: 1, pending: 0, failed: 0, taskDefinition: value, createdAt: when }],
    events: [{ createdAt: when, message: value }],
  };
}

describe('core/fargate escapeMarkdown', () => {
  it('renders every value literally: no HTML, emphasis, code, link, image, entity, strikethrough or math', () => {
    for (const value of HOSTILE) {
      const html = render(`- **Label:** ${escapeMarkdown(value)}`);
      assert.equal(visibleText(html).trim(), `Label: ${value}`, value);
      // A bare URL may become a link to itself (the preview's linkify), never a link or an image the value names.
      assert.doesNotMatch(html, /<img|<em>|<code>|<s>|<strong>x|href="javascript|<a href="[^"]*">(?!http:\/\/x\/i\.png<)/, value);
    }
  });

  it('keeps a table cell one cell, and a value on its line', () => {
    const html = render(`| A | B |\n| --- | --- |\n| ${escapeMarkdown('x | y')} | ${escapeMarkdown('one\ntwo\r\n# three')} |`);
    assert.match(html, /<td>x \| y<\/td>\s*<td>one two # three<\/td>/);
  });

  it('leaves plain text as it is', () => {
    assert.equal(escapeMarkdown('arn:aws:ecs:us-east-1:123456789012:service/demo-cluster/web (2 tasks), 50.5%'), 'arn:aws:ecs:us-east-1:123456789012:service/demo-cluster/web (2 tasks), 50.5%');
  });
});

describe('core/fargate serviceDetailsMarkdown', () => {
  it('renders hostile text from AWS as text in every section', () => {
    for (const value of ['<img src=x onerror=alert(1)>', '**x**', '<script>alert(2)</script>']) {
      const html = render(serviceDetailsMarkdown(details(value)));
      assert.doesNotMatch(html, /<img|<script|<strong>x<\/strong>/, value);
      const occurrences = visibleText(html).split(value).length - 1;
      assert.ok(occurrences >= 25, `${value} shown literally everywhere it is used (${occurrences} times)`);
    }
  });

  it('has a section for each part of the service, and says when one is empty', () => {
    const plain = details('web');
    const markdown = serviceDetailsMarkdown({ ...plain, loadBalancers: [], network: undefined, deployments: [], events: [] });
    assert.deepEqual(markdown.match(/^#{1,3} .*$/gm), ['# web', '## Service', '## Task definition web', '### Container web', '## Network', '## Load balancers', '## Auto scaling', '## Deployments', '## Recent events']);
    assert.match(markdown, /## Network\n\nNo awsvpc network configuration\./);
    assert.match(markdown, /## Load balancers\n\nNone\./);
    assert.match(markdown, /- \*\*Created:\*\* 2025-01-02 03:04:05 UTC/);
  });
});
