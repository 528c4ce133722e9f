import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A STAND-IN in front of moto_server for what moto 5.2 lacks: it answers GetLayerVersionByArn with the ListLayers
 * output, and every layer version's Content.Location is "s3://". This proxy forwards every request to moto, except
 * GetLayerVersionByArn, which it answers from moto's own GetLayerVersion (CodeSha256 and all) with a Location it
 * serves itself: the archive the test published. It counts what it serves, and can spoil the next downloads.
 * GetFunction too: moto's answer, with Code.Location a link of its own to the package the test registered, or the
 * one a later UpdateFunctionCode (ZipFile) of that function uploaded, which it remembers as moto does not serve it.
 */
export class LayerApiStandIn {
  private readonly archives = new Map<string, Buffer>();
  /** GetLayerVersionByArn calls answered, and archives downloaded. */
  lookups = 0;
  downloads = 0;
  /** How many of the next downloads get damaged bytes. */
  damageNext = 0;
  /**
   * What moto cannot show: an update Lambda failed to apply. While set, GetFunction and GetFunctionConfiguration of
   * a served function say LastUpdateStatus Failed with this reason.
   */
  updateFailure?: { readonly reason: string; readonly code: string };

  private constructor(
    private readonly server: http.Server,
    private readonly moto: string,
  ) {}

  static async start(motoEndpoint: string, port = 0): Promise<LayerApiStandIn> {
    const server = http.createServer();
    const standIn = new LayerApiStandIn(server, motoEndpoint);
    server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => void standIn.handle(request, response));
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
    return standIn;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The package a function was created with, to serve at GetFunction's Code.Location. */
  serveFunction(name: string, zip: Buffer): void {
    this.archives.set(`function:${name}`, zip);
  }

  /** The archive a layer version ARN was published with, to serve at its Location. */
  serve(layerVersionArn: string, zip: Buffer): void {
    this.archives.set(layerVersionArn, zip);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private failed(configuration: Record<string, unknown>): Record<string, unknown> {
    return { ...configuration, LastUpdateStatus: 'Failed', LastUpdateStatusReason: this.updateFailure!.reason, LastUpdateStatusReasonCode: this.updateFailure!.code };
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.endpoint);
    const body = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
    });
    if (url.pathname.startsWith('/archives/')) {
      const zip = this.archives.get(decodeURIComponent(url.pathname.slice('/archives/'.length)));
      if (!zip) return void response.writeHead(404).end();
      this.downloads++;
      const served = this.damageNext > 0 ? Buffer.from(zip.subarray(0, zip.length - 10)) : zip;
      if (this.damageNext > 0) this.damageNext--;
      return void response.writeHead(200, { 'content-type': 'application/zip' }).end(served);
    }
    const fn = request.method === 'GET' ? functionNameIn(/^\/2015-03-31\/functions\/([^/]+)$/.exec(url.pathname)?.[1]) : undefined;
    if (fn && this.archives.has(`function:${fn}`)) {
      this.lookups++;
      const answer = await fetch(`${this.moto}${url.pathname}${url.search}`, { headers: { authorization: request.headers.authorization ?? '' } });
      const text = await answer.text();
      if (!answer.ok) return void response.writeHead(answer.status, { 'content-type': 'application/json', ...pick(answer.headers, 'x-amzn-errortype') }).end(text);
      const got = JSON.parse(text) as { Code?: { Location?: string }; Configuration?: Record<string, unknown> };
      got.Code = { ...got.Code, Location: `${this.endpoint}/archives/${encodeURIComponent(`function:${fn}`)}` };
      if (this.updateFailure && got.Configuration) got.Configuration = this.failed(got.Configuration);
      return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(got));
    }
    const configurationOf = request.method === 'GET' ? functionNameIn(/^\/2015-03-31\/functions\/([^/]+)\/configuration$/.exec(url.pathname)?.[1]) : undefined;
    if (configurationOf && this.updateFailure && this.archives.has(`function:${configurationOf}`)) {
      const answer = await fetch(`${this.moto}${url.pathname}${url.search}`, { headers: { authorization: request.headers.authorization ?? '' } });
      const text = await answer.text();
      if (!answer.ok) return void response.writeHead(answer.status, { 'content-type': 'application/json', ...pick(answer.headers, 'x-amzn-errortype') }).end(text);
      return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(this.failed(JSON.parse(text) as Record<string, unknown>)));
    }
    const arn = url.pathname === '/2018-10-31/layers' && url.searchParams.get('find') === 'LayerVersion' ? url.searchParams.get('Arn') : null;
    if (arn) {
      this.lookups++;
      const [, , , , , , name, version] = arn.split(':');
      const answer = await fetch(`${this.moto}/2018-10-31/layers/${name}/versions/${version}`, { headers: { authorization: request.headers.authorization ?? '' } });
      const text = await answer.text();
      if (!answer.ok) return void response.writeHead(answer.status, { 'content-type': 'application/json', ...pick(answer.headers, 'x-amzn-errortype') }).end(text);
      const layer = JSON.parse(text) as { Content: { Location: string } };
      layer.Content.Location = `${this.endpoint}/archives/${encodeURIComponent(arn)}`;
      return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(layer));
    }
    const updated = request.method === 'PUT' ? functionNameIn(/^\/2015-03-31\/functions\/([^/]+)\/code$/.exec(url.pathname)?.[1]) : undefined;
    const forwarded = await fetch(`${this.moto}${url.pathname}${url.search}`, {
      method: request.method,
      headers: Object.fromEntries(Object.entries(request.headers).filter(([k]) => k !== 'host' && k !== 'content-length' && typeof request.headers[k] === 'string')) as Record<string, string>,
      body: request.method === 'GET' || request.method === 'HEAD' ? undefined : new Uint8Array(body),
    });
    const headers: Record<string, string> = {};
    forwarded.headers.forEach((value, key) => {
      if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(key)) headers[key] = value;
    });
    if (updated && forwarded.ok && this.archives.has(`function:${updated}`)) {
      const zipFile = (JSON.parse(body.toString('utf8')) as { ZipFile?: string }).ZipFile;
      if (zipFile) this.serveFunction(updated, Buffer.from(zipFile, 'base64'));
    }
    response.writeHead(forwarded.status, headers).end(Buffer.from(await forwarded.arrayBuffer()));
  }
}

/** The function's name in a request path, which may name it by ARN. */
function functionNameIn(segment: string | undefined): string | undefined {
  if (!segment) return undefined;
  const decoded = decodeURIComponent(segment);
  return decoded.includes(':function:') ? decoded.split(':function:')[1].split(':')[0] : decoded;
}

function pick(headers: Headers, name: string): Record<string, string> {
  const value = headers.get(name);
  return value ? { [name]: value } : {};
}
