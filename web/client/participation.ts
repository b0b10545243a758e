// Draws the participation bar chart on the staff campaign page from the
// numbers in the canvas's data-chart attribute (CSP forbids inline scripts).
// The same numbers are in the table beside it, so without this script nothing is lost.
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

interface ChartData {
  labels: string[];
  series: { label: string; data: number[] }[];
  households: number[];
  householdsLabel: string;
}

const COLOURS = ['#0b5394', '#38761d', '#b45f06'];

function draw(canvas: HTMLCanvasElement): void {
  let data: ChartData;
  try {
    data = JSON.parse(canvas.getAttribute('data-chart') ?? '') as ChartData;
  } catch {
    return;
  }
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: data.series.map((s, i) => ({ label: s.label, data: s.data, backgroundColor: COLOURS[i % COLOURS.length], stack: 'answered' })),
    },
    options: {
      responsive: true,
      aspectRatio: 3,
      animation: false,
      scales: {
        x: { stacked: true },
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            footer: (items) => {
              const i = items[0]?.dataIndex ?? 0;
              return `${data.householdsLabel}: ${data.households[i] ?? 0}`;
            },
          },
        },
      },
    },
  });
}

const canvases = document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]');
for (let i = 0; i < canvases.length; i++) draw(canvases[i]!);
