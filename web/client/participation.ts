// Draws the participation charts of the campaign page (one per village,
// against its households) from the spec in each canvas's data-chart
// attribute (CSP forbids inline scripts). The same numbers are in the table
// beside them, so without this script nothing is lost.
import { drawChart, type ChartSpec } from './lib/draw-chart';

const canvases = document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]');
for (let i = 0; i < canvases.length; i++) {
  const canvas = canvases[i]!;
  try {
    drawChart(canvas, JSON.parse(canvas.getAttribute('data-chart') ?? '') as ChartSpec, document.documentElement.lang);
  } catch {
    // a chart that cannot be read is left out: its numbers are in the table
  }
}
