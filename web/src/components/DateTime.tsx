// Times in the reader's own time zone, through Intl.DateTimeFormat.
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD date is a calendar day, not an instant: read it as local midnight. */
function parse(value: string): Date {
  if (DATE_ONLY.test(value)) {
    const [y, m, d] = value.split('-').map(Number);
    return new Date(y!, m! - 1, d!);
  }
  return new Date(value);
}

export function formatDateTime(value: string): string {
  const d = parse(value);
  if (Number.isNaN(d.getTime())) return value;
  return DATE_ONLY.test(value) ? dateFormat.format(d) : dateTimeFormat.format(d);
}

export function DateTime({ value, empty = '—' }: { value: string | null | undefined; empty?: string }) {
  if (!value) return <span>{empty}</span>;
  const d = parse(value);
  if (Number.isNaN(d.getTime())) return <span>{value}</span>;
  const dateOnly = DATE_ONLY.test(value);
  return (
    <time dateTime={value} title={dateOnly ? undefined : fullFormat.format(d)}>
      {dateOnly ? dateFormat.format(d) : dateTimeFormat.format(d)}
    </time>
  );
}

/** Seconds as "2 h 5 min" (response and resolution times). */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
