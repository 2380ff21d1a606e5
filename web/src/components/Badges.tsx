function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** A ticket status as a coloured label (the text carries the meaning, not the colour). */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge--status badge--${slug(status)}`}>{status}</span>;
}

export function PriorityBadge({ priority }: { priority: string | null | undefined }) {
  if (!priority) return <span className="badge">No priority</span>;
  return <span className={`badge badge--priority badge--priority-${slug(priority)}`}>{priority}</span>;
}
