import type { ReactNode } from 'react';

export interface Column<T> {
  /** The column heading; also each cell's data-label (the card layout under 640 px shows it). */
  header: string;
  cell: (row: T) => ReactNode;
  className?: string;
}

/** A responsive table: a visually hidden caption, a header row and one row per item. */
export function DataTable<T extends { id: number | string }>({
  caption,
  columns,
  rows,
  busy,
  className = 'table-wrap card-table',
  tableClassName,
}: {
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  busy?: boolean;
  className?: string;
  tableClassName?: string;
}) {
  return (
    <div className={className} aria-busy={busy}>
      <table className={tableClassName}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {columns.map((c) => (
                <td key={c.header} data-label={c.header} className={c.className}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
