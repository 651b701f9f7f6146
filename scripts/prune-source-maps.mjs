// After a build: the source maps of dist/ keep what maps to the kit's own code (src/, mocks/, bin/, generated/) and
// drop the rest. A map of our code and bundled packages (the MCP SDK, zod, hono, ajv, fast-check, js-yaml) loses those
// packages' sources and their mappings, which become unmapped ranges; so do the specs built in (openapi/*.yaml, data
// the chunk already holds as it is). A chunk left with nothing of ours loses its map and the comment that points at
// it. Users debug our code, not a copy of someone else's package that they could not edit anyway.
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const OURS = ['src', 'mocks', 'bin', 'generated'];

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT_VALUES = new Map([...DIGITS].map((digit, value) => [digit, value]));

/** The numbers of one segment of a map's `mappings` (base64 VLQ: 5 bits a digit, the sign in the lowest bit). */
function decodeSegment(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const digit of text) {
    const bits = DIGIT_VALUES.get(digit);
    if (bits === undefined) throw new Error(`not a source map digit: ${digit}`);
    value += (bits & 31) * 2 ** shift;
    if (bits & 32) {
      shift += 5;
      continue;
    }
    values.push(value % 2 === 1 ? -(value - 1) / 2 : value / 2);
    value = 0;
    shift = 0;
  }
  return values;
}

function encodeValue(number) {
  let value = number < 0 ? -number * 2 + 1 : number * 2;
  let text = '';
  do {
    let bits = value & 31;
    value = Math.floor(value / 32);
    if (value > 0) bits |= 32;
    text += DIGITS[bits];
  } while (value > 0);
  return text;
}

/** Whether a map's source (relative to the map, in dist/ one folder below the root) is one of the kit's own files. */
function isOurs(source, mapDir) {
  if (source.includes('node_modules')) return false;
  const path = relative(resolve(mapDir, '..'), resolve(mapDir, source));
  return OURS.some((dir) => path.startsWith(`${dir}/`));
}

/**
 * One map with only the sources `keep` accepts: their mappings kept, every other mapping made an unmapped range, the
 * sources, contents and names re-numbered. Answers null when no source is kept.
 */
export function pruneMap(map, keep) {
  const kept = map.sources.map((source, index) => (keep(source) ? index : -1)).filter((index) => index >= 0);
  if (kept.length === 0) return null;
  const newSource = new Map(kept.map((old, index) => [old, index]));
  const newName = new Map();
  const names = [];
  // Absolute positions, carried across segments and lines as the format's relative numbers require.
  let source = 0;
  let line = 0;
  let column = 0;
  let name = 0;
  let outSource = 0;
  let outLine = 0;
  let outColumn = 0;
  let outName = 0;
  const lines = map.mappings.split(';').map((lineText) => {
    let generated = 0;
    let outGenerated = 0;
    let mapped = false;
    const segments = [];
    for (const segmentText of lineText.split(',')) {
      if (segmentText === '') continue;
      const fields = decodeSegment(segmentText);
      generated += fields[0];
      if (fields.length >= 4) {
        source += fields[1];
        line += fields[2];
        column += fields[3];
      }
      if (fields.length === 5) name += fields[4];
      const ours = fields.length >= 4 && newSource.has(source);
      // An unmapped range: where the line starts unmapped, or follows another unmapped one, nothing needs saying.
      if (!ours && !mapped) continue;
      let text = encodeValue(generated - outGenerated);
      outGenerated = generated;
      if (ours) {
        const s = newSource.get(source);
        text += encodeValue(s - outSource) + encodeValue(line - outLine) + encodeValue(column - outColumn);
        outSource = s;
        outLine = line;
        outColumn = column;
        if (fields.length === 5) {
          if (!newName.has(name)) {
            newName.set(name, names.length);
            names.push(map.names[name]);
          }
          const n = newName.get(name);
          text += encodeValue(n - outName);
          outName = n;
        }
      }
      mapped = ours;
      segments.push(text);
    }
    return segments.join(',');
  });
  return {
    ...map,
    sources: kept.map((index) => map.sources[index]),
    ...(map.sourcesContent ? { sourcesContent: kept.map((index) => map.sourcesContent[index] ?? null) } : {}),
    names,
    mappings: lines.join(';'),
  };
}

/**
 * Prunes every `*.map` of `dir` whose file ends with `extension` (`.js`, `.cjs`). Answers what it did: maps kept
 * (with their bytes before and after) and maps removed.
 */
export function pruneSourceMaps(dir, extension) {
  const report = { kept: 0, removed: 0, bytesBefore: 0, bytesAfter: 0 };
  for (const file of readdirSync(dir).filter((f) => f.endsWith(`${extension}.map`))) {
    const mapPath = join(dir, file);
    const codePath = mapPath.slice(0, -'.map'.length);
    const text = readFileSync(mapPath, 'utf8');
    report.bytesBefore += text.length;
    const map = JSON.parse(text);
    const pruned = pruneMap(map, (source) => isOurs(source, resolve(dir)));
    if (pruned) {
      // tsup's CommonJS step names its output by absolute path; the file beside the map is enough.
      const out = JSON.stringify({ ...pruned, file: basename(codePath) });
      writeFileSync(mapPath, out);
      report.kept += 1;
      report.bytesAfter += out.length;
      continue;
    }
    rmSync(mapPath);
    report.removed += 1;
    if (existsSync(codePath)) {
      const code = readFileSync(codePath, 'utf8');
      const comment = `//# sourceMappingURL=${file}`;
      if (!code.includes(comment)) throw new Error(`${codePath}: no ${comment}`);
      writeFileSync(
        codePath,
        code.replace(new RegExp(`\\n?${comment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`), '\n'),
      );
    }
  }
  return report;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url));
  for (const extension of ['.js', '.cjs']) console.log(extension, pruneSourceMaps(dir, extension));
}
