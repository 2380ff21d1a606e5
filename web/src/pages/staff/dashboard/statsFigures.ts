// Turns the stats answer's count maps into ordered figures for charts and tables.

export interface Figure {
  label: string;
  value: number;
}

export const STATUS_ORDER = ['New', 'Open', 'In Progress', 'On Hold', 'Pending', 'Resolved', 'Closed', 'Rejected', 'Withdrawn'];
export const PRIORITY_ORDER = ['Critical', 'High', 'Medium', 'Low'];

/** The map's entries, known keys first in `order`, others after by name; '' shows as `blank`. */
export function figures(counts: Record<string, number> | undefined, order: readonly string[] = [], blank = 'None'): Figure[] {
  const entries = Object.entries(counts ?? {});
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  return entries
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([label, value]) => ({ label: label || blank, value }));
}

/** "New: 3, Open: 2" — the figures as one sentence (for aria-label). */
export function describeFigures(title: string, list: readonly Figure[]): string {
  if (list.length === 0) return `${title}: no tickets.`;
  return `${title}: ${list.map((f) => `${f.label} ${f.value}`).join(', ')}.`;
}
