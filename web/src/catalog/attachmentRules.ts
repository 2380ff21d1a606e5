// Checks files against the catalogue's limits before anything is uploaded.
import type { Catalog } from '../api/types';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Math.round(n / 102.4) / 10} KiB`;
  return `${Math.round(n / 104857.6) / 10} MiB`;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

export function acceptedExtensions(limits: Catalog['attachments']): string[] {
  return limits.types.flatMap((t) => t.extensions ?? []).map((e) => e.toLowerCase());
}

/** The `accept` attribute for a file input. */
export function acceptAttribute(limits: Catalog['attachments']): string {
  return [...acceptedExtensions(limits), ...limits.types.map((t) => t.content_type ?? '').filter(Boolean)].join(',');
}

/** Problems with `files` (already chosen ones counted), one sentence each; empty when fine. */
export function checkAttachments(files: readonly File[], limits: Catalog['attachments']): string[] {
  const problems: string[] = [];
  if (files.length > limits.max_files) {
    problems.push(`Attach at most ${limits.max_files} files (${files.length} chosen).`);
  }
  const extensions = acceptedExtensions(limits);
  for (const f of files) {
    const ext = extensionOf(f.name);
    // The name's extension decides: browsers report some types (.csv, .doc) differently.
    if (!extensions.includes(ext)) {
      problems.push(`${f.name}: this type of file is not accepted (use ${extensions.join(', ')}).`);
    }
    if (f.size > limits.max_file_bytes) {
      problems.push(`${f.name} is ${formatBytes(f.size)}; the limit is ${formatBytes(limits.max_file_bytes)} per file.`);
    } else if (f.size === 0) {
      problems.push(`${f.name} is empty.`);
    }
  }
  return problems;
}

/** Problems with a profile picture; empty when fine. */
export function checkImage(file: File, limits: Catalog['image']): string[] {
  const problems: string[] = [];
  const ext = extensionOf(file.name);
  const okType = limits.types.includes(file.type) || (!file.type && ['.png', '.jpg', '.jpeg'].includes(ext));
  if (!okType) problems.push('Choose a PNG or JPEG image.');
  if (file.size > limits.max_bytes) {
    problems.push(`The picture is ${formatBytes(file.size)}; the limit is ${formatBytes(limits.max_bytes)}.`);
  }
  return problems;
}
