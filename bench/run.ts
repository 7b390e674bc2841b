import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { advantage, type BenchSuite, type Measurement } from './harness.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = `${here}out`;

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en');
  return value.toPrecision(4);
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** One horizontal bar per measurement with a peer: log-scaled advantage (1× in the middle). */
function plot(results: Array<{ suite: string; m: Measurement }>): string {
  const rows = results.filter((r) => advantage(r.m) !== undefined);
  const width = 900;
  const rowHeight = 26;
  const left = 380;
  const mid = left + (width - left) / 2;
  const scale = (width - left) / 2 / Math.log10(1000);
  const bars = rows
    .map((r, i) => {
      const ratio = advantage(r.m) ?? 1;
      const x = Math.max(-3, Math.min(3, Math.log10(ratio))) * scale;
      const y = 30 + i * rowHeight;
      const colour = ratio >= 1 ? '#2e7d32' : '#c62828';
      return `<text x="${left - 8}" y="${y + 15}" text-anchor="end" font-size="12">${escapeHtml(`${r.suite}: ${r.m.metric}`)}</text>
<rect x="${Math.min(mid, mid + x)}" y="${y}" width="${Math.abs(x) || 1}" height="18" fill="${colour}"/>
<text x="${mid + x + (x >= 0 ? 4 : -4)}" y="${y + 14}" font-size="11" text-anchor="${x >= 0 ? 'start' : 'end'}">${format(ratio)}×</text>`;
    })
    .join('\n');
  const height = 40 + rows.length * rowHeight;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">
<line x1="${mid}" y1="20" x2="${mid}" y2="${height}" stroke="#555"/>
<text x="${mid}" y="14" text-anchor="middle" font-size="11">1× (peer) — right of the line: Credence better (log scale)</text>
${bars}
</svg>`;
}

async function main(): Promise<void> {
  const filter = process.argv.slice(2);
  const files = readdirSync(here)
    .filter((name) => name.endsWith('.bench.ts'))
    .filter((name) => filter.length === 0 || filter.some((f) => name.includes(f)))
    .sort();
  const results: Array<{ suite: string; m: Measurement }> = [];
  for (const file of files) {
    const suite = (await import(`./${file}`)).default as BenchSuite;
    process.stdout.write(`\n## ${suite.name} — ${suite.description}\n`);
    const started = performance.now();
    const measurements = await suite.run((line) => process.stdout.write(`   ${line}\n`));
    for (const m of measurements) {
      results.push({ suite: suite.name, m });
      const ratio = advantage(m);
      const peer = m.peer === undefined ? '' : ` | ${m.peerName ?? 'peer'}: ${format(m.peer)} ${m.unit}`;
      const adv = ratio === undefined ? '' : ` | ${format(ratio)}× ${ratio >= 1 ? 'better' : 'worse'}`;
      const target = m.target ? ` | target ${m.target}: ${verdict(m.met)}` : '';
      process.stdout.write(
        `- ${m.metric}: ${format(m.ours)} ${m.unit}${peer}${adv}${target}${m.note ? ` (${m.note})` : ''}\n`,
      );
    }
    process.stdout.write(`   (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(`${outDir}/results.json`, JSON.stringify(results, null, 2));
  const table = results
    .map(
      ({ suite, m }) =>
        `<tr><td>${escapeHtml(suite)}</td><td>${escapeHtml(m.metric)}</td><td>${format(m.ours)} ${escapeHtml(m.unit)}</td><td>${m.peer === undefined ? '' : `${format(m.peer)} (${escapeHtml(m.peerName ?? 'peer')})`}</td><td>${m.target ? `${escapeHtml(m.target)}: ${verdict(m.met)}` : ''}</td></tr>`,
    )
    .join('\n');
  writeFileSync(
    `${outDir}/report.html`,
    `<!doctype html><meta charset="utf-8"><title>Credence benchmarks</title><body style="font-family:sans-serif">
<h1>Credence benchmarks</h1><p>Measured ${new Date().toISOString()} on ${process.version}.</p>${plot(results)}
<table border="1" cellpadding="4" style="border-collapse:collapse;margin-top:1em"><tr><th>suite</th><th>metric</th><th>Credence</th><th>peer</th><th>target</th></tr>${table}</table></body>`,
  );
  process.stdout.write(`\nreport: ${outDir}/report.html\n`);
}

await main();

/** A target's verdict: `met` undefined means the run did not reach the size the target is set at. */
function verdict(met: boolean | undefined): string {
  if (met === undefined) return 'not measured at the target size';
  return met ? 'met' : 'NOT met';
}
