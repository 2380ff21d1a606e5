// Chart.js with only the pieces the dashboard draws (tree-shaken): bar charts.
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
Chart.defaults.color = '#1a1d23';
Chart.defaults.animation = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? false : Chart.defaults.animation;
