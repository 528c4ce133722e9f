// The Monitor panel's HTML shell. No `vscode` import: the panel host and the Chromium page tests/bench build the same
// page, with the same Content Security Policy.

export interface MonitorHtmlParts {
  /** `webview.cspSource`, or the origin a test serves dist/media from. */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  /** A fresh random nonce per page. */
  readonly nonce: string;
  readonly title: string;
}

/**
 * `default-src 'none'`: nothing loads unless listed. Scripts only with the nonce (the bundle from dist/media), styles
 * and fonts only from the extension's media; no inline handlers, no eval, no remote connections.
 */
export function monitorCsp(parts: Pick<MonitorHtmlParts, 'cspSource' | 'nonce'>): string {
  return `default-src 'none'; style-src ${parts.cspSource}; font-src ${parts.cspSource}; img-src ${parts.cspSource} data:; script-src 'nonce-${parts.nonce}';`;
}

export function monitorHtml(parts: MonitorHtmlParts): string {
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(monitorCsp(parts))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(parts.styleUri)}">
<title>${attr(parts.title)}</title>
</head>
<body><main id="root"></main><script nonce="${attr(parts.nonce)}" src="${attr(parts.scriptUri)}"></script></body>
</html>`;
}
