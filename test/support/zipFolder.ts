import { spawnSync } from 'node:child_process';

/** A folder's files as a .zip, made by Python's zipfile (as a real build tool would), Unix modes kept. */
export function zipFolder(folder: string): Buffer {
  const script = [
    'import io, os, sys, zipfile',
    'buf = io.BytesIO()',
    'with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:',
    '    for root, dirs, files in os.walk(sys.argv[1]):',
    '        for f in sorted(files):',
    '            p = os.path.join(root, f)',
    '            z.write(p, os.path.relpath(p, sys.argv[1]))',
    'sys.stdout.buffer.write(buf.getvalue())',
  ].join('\n');
  const result = spawnSync(process.env.SE_PYTHON ?? 'python3', ['-c', script, folder], { maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`zipping ${folder} failed: ${result.stderr.toString()}`);
  return result.stdout;
}
