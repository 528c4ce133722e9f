import * as http from 'node:http';

// The caller of the local Invoke API in a process of its own, as every real caller is (the SDK or the AWS CLI calling
// `serverless-explorer start-lambda`): POSTs {"n":i} over one kept-alive connection, checks that the function echoed
// n, and prints each call's time as JSON. Run by bench/endpointBench.ts: node endpointClient.js <url> <warmups> <runs>.

function post(agent: http.Agent, url: URL, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => (response.statusCode === 200 ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(new Error(`HTTP ${response.statusCode}: ${Buffer.concat(chunks).toString('utf8')}`))));
    });
    request.on('error', reject);
    request.end(body);
  });
}

async function main(url: URL, warmups: number, runs: number): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const call = async (n: number) => {
    const payload = JSON.parse(await post(agent, url, JSON.stringify({ n }))) as { n?: number };
    if (payload.n !== n) throw new Error(`unexpected response ${JSON.stringify(payload)} for n=${n}`);
  };
  try {
    for (let i = 0; i < warmups; i++) await call(i);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await call(i);
      times.push(performance.now() - t0);
    }
    return times;
  } finally {
    agent.destroy();
  }
}

if (require.main === module) {
  const [url, warmups, runs] = process.argv.slice(2);
  main(new URL(url), Number(warmups), Number(runs)).then(
    (times) => process.stdout.write(JSON.stringify(times)),
    (error: Error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    },
  );
}

export { post };
