// Results charts: reads the numbers from the page's JSON data block
// (#results-charts, written by web/views/results/results-page.tsx) and draws
// one chart.js chart per <canvas data-chart>. The CSP forbids inline scripts,
// so nothing is run from the page itself; every chart has a table with the
// same numbers beside it, so a phone without JavaScript loses nothing.
import { drawChart, type ChartSpec } from './lib/draw-chart';

function draw(): void {
  const block = document.getElementById('results-charts');
  if (!block || !block.textContent) return;
  let parsed: { lang: string; charts: ChartSpec[] };
  try {
    parsed = JSON.parse(block.textContent);
  } catch {
    return;
  }
  for (const spec of parsed.charts) {
    const canvas = document.getElementById(spec.id) as HTMLCanvasElement | null;
    if (canvas) drawChart(canvas, spec, parsed.lang);
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw);
else draw();
