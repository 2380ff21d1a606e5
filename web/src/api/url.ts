export type QueryValue = string | number | boolean | null | undefined | readonly string[];
export type Query = Record<string, QueryValue>;

/** `path` with the query appended; empty and absent values are left out, arrays repeat. */
export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const v of value as readonly string[]) params.append(key, v);
    } else {
      params.append(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

/** A query parameter of a paging link (`next`/`previous` are absolute or relative URLs). */
export function linkParam(link: string | null | undefined, name: string): string | null {
  if (!link) return null;
  try {
    return new URL(link, 'http://localhost').searchParams.get(name);
  } catch {
    return null;
  }
}
