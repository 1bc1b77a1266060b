/**
 * Memory bench: generates a large synthetic .qdpx (default 50 sources x 10 MB = 500 MB of text) and reads it in a
 * child process, reporting peak RSS. Run: pnpm --filter @peerbridge/refi-qda bench [sources] [MiB per source]
 */

import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';
import { readProject } from '../src/index';

const WORDS = [
  'práce',
  'kolegyně',
  'úterý',
  'řeka',
  'kůň',
  'čaj',
  'podpora',
  'tým',
  'den',
  'rozhovor',
  'zkušenost',
  '😊',
  'a',
  'se',
  'že',
];

const guid = (n: number) => `10000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** Small deterministic PRNG so the text compresses like prose (about 3x), not like a zip bomb. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s;
  };
}

function generateSource(index: number, bytes: number, dir: string) {
  const rand = prng(index + 1);
  const parts: string[] = [];
  let size = 0;
  let codePoints = 0;
  const selections: { start: number; end: number }[] = [];
  while (size < bytes) {
    const word = `${WORDS[rand() % WORDS.length]}${rand() % 1000}`;
    const sep = rand() % 12 === 0 ? '\r\n' : ' ';
    if (rand() % 2000 === 0) selections.push({ start: codePoints, end: codePoints + [...word].length });
    parts.push(word, sep);
    size += Buffer.byteLength(word) + sep.length;
    codePoints += [...word].length + sep.length;
  }
  const path = join(dir, `${guid(index)}.txt`);
  writeFileSync(path, parts.join(''));
  return { path, selections };
}

async function generate(file: string, sources: number, mib: number) {
  const dir = mkdtempSync(join(tmpdir(), 'refi-bench-src-'));
  const zip = new yazl.ZipFile();
  let xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="bench"><CodeBook><Codes><Code guid="${guid(999999)}" name="k" isCodable="true"/></Codes></CodeBook><Sources>\n`;
  let selectionCount = 0;
  let n = 1000;
  for (let i = 0; i < sources; i++) {
    const { path, selections } = generateSource(i, mib * 1024 * 1024, dir);
    zip.addFile(path, `sources/${guid(i)}.txt`);
    xml += `<TextSource guid="${guid(i)}" name="s${i}" plainTextPath="internal://${guid(i)}.txt">\n`;
    for (const s of selections) {
      xml += `<PlainTextSelection guid="${guid(n++)}" startPosition="${s.start}" endPosition="${s.end}"><Coding guid="${guid(n++)}"><CodeRef targetGUID="${guid(999999)}"/></Coding></PlainTextSelection>\n`;
    }
    selectionCount += selections.length;
    xml += '</TextSource>\n';
  }
  xml += '</Sources></Project>\n';
  zip.addBuffer(Buffer.from(xml), 'project.qde');
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(file));
  rmSync(dir, { recursive: true, force: true });
  return selectionCount;
}

async function readAndMeasure(file: string) {
  const started = performance.now();
  const project = await readProject(file);
  const seconds = (performance.now() - started) / 1000;
  const selections = project.sources.reduce((n, s) => n + (s.kind === 'text' ? s.selections.length : 0), 0);
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  console.log(
    JSON.stringify({
      sources: project.sources.length,
      selections,
      seconds: +seconds.toFixed(1),
      peakRssMiB: Math.round(peakMiB),
    }),
  );
}

const [mode, a, b] = process.argv.slice(2);
if (mode === '--read' && a) {
  await readAndMeasure(a);
} else {
  const sources = Number(mode ?? 50);
  const mib = Number(a ?? b ?? 10);
  const dir = mkdtempSync(join(tmpdir(), 'refi-bench-'));
  const file = join(dir, 'large.qdpx');
  try {
    const selections = await generate(file, sources, mib);
    console.log(
      `generated ${sources} x ${mib} MiB (${selections} selections), zip ${Math.round(statSync(file).size / 1048576)} MiB`,
    );
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--read', file],
      {
        stdio: 'inherit',
      },
    );
    process.exitCode = child.status ?? 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
