import { useId } from 'react';
import { Bar } from 'react-chartjs-2';
import './chartSetup';
import { describeFigures, type Figure } from './statsFigures';

const COLOURS = ['#1d4ed8', '#0f766e', '#b45309', '#7c3aed', '#be123c', '#15803d', '#4b5563', '#0369a1', '#a16207'];

/**
 * One count chart with its text alternatives: the canvas carries the figures
 * in its aria-label, and a visually hidden table lists them.
 */
export function CountChart({ title, figures, colours = COLOURS }: { title: string; figures: readonly Figure[]; colours?: readonly string[] }) {
  const headingId = useId();
  const summary = describeFigures(title, figures);
  return (
    <section className="card chart-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="chart-card__title">
        {title}
      </h2>
      {figures.length === 0 ? (
        <p className="muted">No tickets yet.</p>
      ) : (
        <>
          <div className="chart-card__canvas">
            <Bar
              aria-label={summary}
              data={{
                labels: figures.map((f) => f.label),
                datasets: [
                  {
                    label: 'Tickets',
                    data: figures.map((f) => f.value),
                    backgroundColor: figures.map((_, i) => colours[i % colours.length]!),
                    borderRadius: 4,
                  },
                ],
              }}
              options={{
                responsive: true,
                maintainAspectRatio: false,
                plugins: { tooltip: { enabled: true } },
                scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
              }}
            />
          </div>
          <table className="visually-hidden">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{title.replace(/^Tickets by /, '').replace(/^./, (c) => c.toUpperCase())}</th>
                <th scope="col">Tickets</th>
              </tr>
            </thead>
            <tbody>
              {figures.map((f) => (
                <tr key={f.label}>
                  <th scope="row">{f.label}</th>
                  <td>{f.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
