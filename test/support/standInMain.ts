import * as fs from 'node:fs';
import * as path from 'node:path';
import { LayerApiStandIn } from './layerApiStandIn';

// The demo's STAND-IN process for what moto cannot do: serving a function's package at GetFunction's Code.Location
// (and GetLayerVersionByArn). It forwards everything else to moto. Usage: node standInMain.js <moto> <port> <packages>,
// where <packages> holds <function name>.zip, the bytes each function was created with.
async function main(): Promise<void> {
  const [moto, port, packages] = process.argv.slice(2);
  const standIn = await LayerApiStandIn.start(moto, Number(port));
  for (const file of fs.readdirSync(packages).filter((f) => f.endsWith('.zip'))) {
    standIn.serveFunction(path.basename(file, '.zip'), fs.readFileSync(path.join(packages, file)));
  }
  process.on('SIGTERM', () => void standIn.stop().then(() => process.exit(0)));
  console.log(standIn.endpoint);
}

void main().catch((error: Error) => {
  console.error(`the demo's stand-in could not start: ${error.message}`);
  process.exit(1);
});
