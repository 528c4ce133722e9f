import type { CloudFrontRequestEvent, CloudFrontResponseEvent } from 'aws-lambda';
import { defineEvent, type EventContext } from '../types';
import { config, customOrigin, GROUP, merge, ORIGIN, originHeaders, type Params, request, response, RESPONSE, via, VIEWER, type ViewerParams, viewerHeaders } from './cloudfrontParts';

/**
 * The Lambda@Edge scenarios `sam local generate-event cloudfront` names (A/B test, redirects, generated
 * responses…): each is a viewer or origin request or response carrying what its function reads.
 */

type Defaults = Partial<Record<'uri' | 'querystring' | 'headers', string>>;

/** The viewer parameters with this scenario's defaults. */
function viewer(defaults: Defaults): typeof VIEWER {
  const out: Record<string, { default: string; description: string }> = { ...VIEWER };
  for (const [name, value] of Object.entries(defaults)) out[name] = { ...VIEWER[name as keyof Defaults], default: value };
  return out as typeof VIEWER;
}

/** No ";" in values: the headers parameter reads ";" as a line break. */
const BROWSER = 'User-Agent: Mozilla/5.0 Gecko/20100101 Firefox/128.0\nAccept: text/html,application/xhtml+xml\nAccept-Language: en-GB,en';
/** A browser's headers plus the custom User-Name header the scenario's function reads. */
const USER_NAME = `${BROWSER}\nUser-Name: dana.reyes`;

function viewerRequest(p: ViewerParams, ctx: EventContext, extra: Record<string, string> = {}): CloudFrontRequestEvent {
  return { Records: [{ cf: { config: config(p, ctx, 'viewer-request'), request: request(p, merge(viewerHeaders(p), extra)) } }] };
}

function originRequest(p: ViewerParams & Params<'origin'>, ctx: EventContext, extra: Record<string, string> = {}): CloudFrontRequestEvent {
  return {
    Records: [{ cf: { config: config(p, ctx, 'origin-request'), request: { ...request(p, merge(originHeaders(p), extra)), origin: customOrigin(p.origin) } } }],
  };
}

/** Only a Cookie header the viewer sends: none for an empty value. */
function cookie(value: string): Record<string, string> {
  return value.trim() === '' ? {} : { Cookie: value.trim() };
}

function countryCode(value: string): string {
  if (!/^[A-Za-z]{2}$/.test(value.trim())) throw new TypeError(`Parameter viewerCountry must be a two-letter country code (ISO 3166-1 alpha-2: DE, JP, BR), not "${value}".`);
  return value.trim().toUpperCase();
}

const DEVICES = ['desktop', 'mobile', 'smarttv', 'tablet'] as const;

/** CloudFront's device-detection headers: exactly one of them "true". */
function deviceHeaders(value: string): Record<string, string> {
  const device = value.trim().toLowerCase();
  if (!(DEVICES as readonly string[]).includes(device)) throw new TypeError(`Parameter device must be one of ${DEVICES.join(', ')}, not "${value}".`);
  const names = { desktop: 'Desktop', mobile: 'Mobile', smarttv: 'SmartTV', tablet: 'Tablet' };
  return Object.fromEntries(DEVICES.map((d) => [`CloudFront-Is-${names[d]}-Viewer`, String(d === device)]));
}

export const cloudfrontScenarioEvents = [
  defineEvent<CloudFrontRequestEvent>()({
    service: 'cloudfront',
    event: 'ab-test',
    title: 'CloudFront Lambda@Edge A/B test (viewer request with the experiment cookie)',
    group: GROUP,
    params: {
      ...viewer({ uri: '/landing.html', querystring: '', headers: BROWSER }),
      cookie: { default: 'session-id=7c1e04b2; experiment-group=variant-b', description: 'Cookie header the viewer sends, naming its experiment group (empty for none)' },
    },
    build: (p, ctx) => viewerRequest(p, ctx, cookie(p.cookie)),
  }),
  defineEvent<CloudFrontResponseEvent>()({
    service: 'cloudfront',
    event: 'access-request-in-response',
    title: 'CloudFront Lambda@Edge viewer response whose function reads the request headers',
    group: GROUP,
    params: { ...viewer({ uri: '/account/profile.json', querystring: '', headers: USER_NAME }), ...RESPONSE },
    build: (p, ctx) => ({
      Records: [
        {
          cf: {
            config: config(p, ctx, 'viewer-response'),
            request: request(p, viewerHeaders(p)),
            response: response(p, ctx, { Via: via(p), 'X-Cache': 'Hit from cloudfront' }),
          },
        },
      ],
    }),
  }),
  defineEvent<CloudFrontRequestEvent>()({
    service: 'cloudfront',
    event: 'http-redirect',
    title: 'CloudFront Lambda@Edge viewer request to answer with a redirect',
    group: GROUP,
    params: viewer({ uri: '/old-catalog/shoes.html', querystring: '', headers: BROWSER }),
    build: (p, ctx) => viewerRequest(p, ctx),
  }),
  defineEvent<CloudFrontRequestEvent>()({
    service: 'cloudfront',
    event: 'modify-querystring',
    title: 'CloudFront Lambda@Edge viewer request whose query string the function rewrites',
    group: GROUP,
    params: viewer({ uri: '/search', querystring: 'token=q8Zr2v&lang=pt-BR', headers: USER_NAME }),
    build: (p, ctx) => viewerRequest(p, ctx),
  }),
  defineEvent<CloudFrontResponseEvent>()({
    service: 'cloudfront',
    event: 'modify-response-header',
    title: "CloudFront Lambda@Edge origin response whose headers the function rewrites (Last-Modified from the object's metadata)",
    group: GROUP,
    params: {
      ...viewer({ uri: '/reports/2026-q3.pdf', querystring: '' }),
      ...ORIGIN,
      ...RESPONSE,
      responseHeaders: { ...RESPONSE.responseHeaders, default: 'Content-Type: application/pdf\nContent-Length: 904117\nVary: Accept-Encoding\nCache-Control: max-age=3600' },
      metaLastModified: {
        default: 'Mon, 12 Oct 2026 09:30:00 GMT',
        description: "The object's x-amz-meta-last-modified metadata: the date a function copies into Last-Modified",
      },
    },
    build: (p, ctx) => ({
      Records: [
        {
          cf: {
            config: config(p, ctx, 'origin-response'),
            request: { ...request(p, originHeaders(p)), origin: customOrigin(p.origin) },
            response: response(p, ctx, { 'X-Amz-Meta-Last-Modified': p.metaLastModified }),
          },
        },
      ],
    }),
  }),
  defineEvent<CloudFrontRequestEvent>()({
    service: 'cloudfront',
    event: 'multiple-remote-calls-aggregate-response',
    title: 'CloudFront Lambda@Edge origin request answered from several remote calls',
    group: GROUP,
    params: { ...viewer({ uri: '/weather/Lisbon:Oslo:Nairobi', querystring: 'units=metric' }), ...ORIGIN },
    build: (p, ctx) => originRequest(p, ctx),
  }),
  defineEvent<CloudFrontRequestEvent>()({
    service: 'cloudfront',
    event: 'normalize-querystring-to-improve-cache-hit',
    title: 'CloudFront Lambda@Edge viewer request whose query string the function normalizes (order, case)',
    group: GROUP,
    params: viewer({ uri: '/catalog/jackets', querystring: 'Size=M&colour=Navy&brand=ACME', headers: USER_NAME }),
    build: (p, ctx) => viewerRequest(p, ctx),
  }),
  defineEvent<CloudFrontRequestEvent>()({
    service: 'cloudfront',
    event: 'redirect-on-viewer-country',
    title: "CloudFront Lambda@Edge origin request with the viewer's country",
    group: GROUP,
    params: {
      ...viewer({ uri: '/index.html', querystring: '', headers: BROWSER }),
      ...ORIGIN,
      viewerCountry: { default: 'DE', description: 'CloudFront-Viewer-Country: the viewer\'s two-letter country code (ISO 3166-1 alpha-2)' },
    },
    build: (p, ctx) => originRequest(p, ctx, { 'CloudFront-Viewer-Country': countryCode(p.viewerCountry) }),
  }),
  defineEvent<CloudFrontRequestEvent>()({
    service: 'cloudfront',
    event: 'redirect-unauthenticated-users',
    title: 'CloudFront Lambda@Edge viewer request from a user to send to sign-in',
    group: GROUP,
    params: {
      ...viewer({ uri: '/members/invoices', querystring: 'year=2026', headers: BROWSER }),
      cookie: { default: '', description: 'Cookie header the viewer sends (empty: none, as from a user who has not signed in)' },
    },
    build: (p, ctx) => viewerRequest(p, ctx, cookie(p.cookie)),
  }),
  defineEvent<CloudFrontRequestEvent>()({
    service: 'cloudfront',
    event: 'response-generation',
    title: 'CloudFront Lambda@Edge viewer request the function answers with content it generates',
    group: GROUP,
    params: viewer({ uri: '/status', querystring: '' }),
    build: (p, ctx) => viewerRequest(p, ctx),
  }),
  defineEvent<CloudFrontRequestEvent>()({
    service: 'cloudfront',
    event: 'serve-object-on-viewer-device',
    title: "CloudFront Lambda@Edge origin request with the viewer's device type",
    group: GROUP,
    params: {
      ...viewer({ uri: '/img/banner.png', querystring: '' }),
      ...ORIGIN,
      device: { default: 'mobile', description: `The viewer's device as CloudFront detects it: ${DEVICES.join(', ')}` },
    },
    build: (p, ctx) => originRequest(p, ctx, deviceHeaders(p.device)),
  }),
  defineEvent<CloudFrontRequestEvent>()({
    service: 'cloudfront',
    event: 'simple-remote-call',
    title: 'CloudFront Lambda@Edge origin request whose function calls a remote service',
    group: GROUP,
    params: { ...viewer({ uri: '/api/quote', querystring: 'symbol=AMZN', headers: USER_NAME }), ...ORIGIN },
    build: (p, ctx) => originRequest(p, ctx),
  }),
];
