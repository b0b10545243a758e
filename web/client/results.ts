// Results charts: reads the numbers from the page's JSON data block
// (#results-charts, written by web/views/results/results-page.tsx) and draws
// one chart.js chart per <canvas data-chart>. The CSP forbids inline scripts,
// so nothing is run from the page itself; every chart has a table with the
// same numbers beside it, so a phone without JavaScript loses nothing.
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

interface ChartSpec {
  id: string;
  kind: 'bar' | 'bar-line';
  percent?: boolean;
  labels: string[];
  datasets: { label: string; data: number[]; color: string; line?: boolean }[];
}

function draw(): void {
  const block = document.getElementById('results-charts');
  if (!block || !block.textContent) return;
  let parsed: { lang: string; charts: ChartSpec[] };
  try {
    parsed = JSON.parse(block.textContent);
  } catch {
    return;
  }
  const locale = parsed.lang === 'en' ? 'en-GB' : 'vi-VN';
  const narrow = window.matchMedia('(max-width: 600px)').matches;
  for (const spec of parsed.charts) {
    const canvas = document.getElementById(spec.id) as HTMLCanvasElement | null;
    if (!canvas) continue;
    const horizontal = narrow && spec.labels.length > 4;
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map((d) =>
          d.line
            ? { type: 'line' as const, label: d.label, data: d.data, borderColor: d.color, backgroundColor: d.color, borderDash: [6, 4], pointRadius: 3, fill: false }
            : { type: 'bar' as const, label: d.label, data: d.data, backgroundColor: d.color },
        ) as never,
      },
      options: {
        locale,
        // A phone gets a taller chart so long village names stay readable.
        aspectRatio: narrow ? 1.1 : 2,
        animation: false,
        indexAxis: horizontal ? 'y' : 'x',
        plugins: { legend: { position: 'bottom' } },
        scales: { [horizontal ? 'x' : 'y']: spec.percent ? { beginAtZero: true, max: 100 } : { beginAtZero: true } },
      },
    });
    canvas.setAttribute('data-drawn', 'true');
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw);
else draw();
