// Draws one chart spec (web/views/results/charts.ts, computed on the server)
// with chart.js: the results pages' charts and the campaign page's
// participation per village. A village's chart ends its value axis at the
// village's households and draws the threshold as a line across it
// (chartjs-plugin-annotation), so a bar is read against what is needed.
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
} from 'chart.js';
import annotationPlugin from 'chartjs-plugin-annotation';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip, annotationPlugin);

/** The server's ChartSpec, as its JSON arrives. */
export interface ChartSpec {
  id: string;
  kind: 'bar' | 'bar-line';
  title?: string;
  percent?: boolean;
  horizontal?: boolean;
  max?: number;
  threshold?: { value: number; label: string; color: string };
  labels: string[];
  datasets: { label: string; data: number[]; color: string; colors?: string[]; line?: boolean }[];
}

export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec, lang: string): void {
  const locale = lang === 'en' ? 'en-GB' : 'vi-VN';
  const narrow = window.matchMedia('(max-width: 600px)').matches;
  // a village's bars lie along the axis; a chart of many labels does so on a phone
  const horizontal = spec.horizontal === true || (narrow && spec.labels.length > 4);
  const valueAxis = horizontal ? 'x' : 'y';
  const box = canvas.parentElement;
  // horizontal bars get the height their labels need: never a flat strip
  const sized = horizontal && box !== null && box.classList.contains('chart-box');
  if (sized) box.style.height = `${Math.max(140, 56 + spec.labels.length * 30)}px`;
  const t = spec.threshold;
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.datasets.map((d) =>
        d.line
          ? { type: 'line' as const, label: d.label, data: d.data, borderColor: d.color, backgroundColor: d.color, borderDash: [6, 4], pointRadius: 3, fill: false }
          : { type: 'bar' as const, label: d.label, data: d.data, backgroundColor: d.colors ?? d.color },
      ) as never,
    },
    options: {
      locale,
      maintainAspectRatio: !sized,
      // A phone gets a taller chart so long village names stay readable.
      aspectRatio: narrow ? 1.1 : 2,
      animation: false,
      indexAxis: horizontal ? 'y' : 'x',
      plugins: {
        // one dataset whose bars are each a measure: the labels say it all
        legend: { display: !spec.datasets.every((d) => d.colors) || spec.datasets.length > 1, position: 'bottom' },
        annotation: t
          ? {
              annotations: {
                threshold: {
                  // its words are in the figure's caption, beside a key in the same colour, never over the bars
                  type: 'line', scaleID: valueAxis, value: t.value, borderColor: t.color, borderWidth: 3, borderDash: [6, 4],
                },
              },
            }
          : undefined,
      },
      scales: {
        [valueAxis]: spec.percent ? { beginAtZero: true, max: 100 } : { beginAtZero: true, ...(spec.max !== undefined ? { max: spec.max } : {}), ticks: { precision: 0 } },
      },
    },
  });
  canvas.setAttribute('data-drawn', 'true');
  if (t) canvas.setAttribute('data-threshold', String(t.value));
  if (spec.max !== undefined) canvas.setAttribute('data-axis-max', String(spec.max));
}
