import { describe, expect, it } from 'vitest';
import { catalog } from '../test/mockApi';
import { acceptAttribute, checkAttachments, checkImage, formatBytes } from './attachmentRules';

const file = (name: string, size: number, type = '') => {
  const f = new File(['x'], name, { type });
  Object.defineProperty(f, 'size', { value: size });
  return f;
};

describe('attachment rules', () => {
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(2 * 1024 * 1024)).toBe('2 MiB');
    expect(formatBytes(10 * 1024 * 1024 + 512 * 1024)).toBe('10.5 MiB');
  });

  it('accepts files within the limits, whatever the case of the extension', () => {
    expect(checkAttachments([file('a.PDF', 10, 'application/pdf'), file('b.png', 1024 * 1024)], catalog.attachments)).toEqual([]);
  });

  it('names each problem', () => {
    const problems = checkAttachments([file('x.exe', 10), file('y.pdf', 0), file('z.pdf', 1024 * 1024 + 1)], catalog.attachments);
    expect(problems).toEqual([
      'x.exe: this type of file is not accepted (use .pdf, .png).',
      'y.pdf is empty.',
      'z.pdf is 1 MiB; the limit is 1 MiB per file.',
    ]);
  });

  it('counts files against the limit', () => {
    const four = ['a', 'b', 'c', 'd'].map((n) => file(`${n}.pdf`, 1));
    expect(checkAttachments(four, catalog.attachments)).toEqual(['Attach at most 3 files (4 chosen).']);
  });

  it('builds the accept attribute from extensions and types', () => {
    expect(acceptAttribute(catalog.attachments)).toBe('.pdf,.png,application/pdf,image/png');
  });

  it('checks profile pictures for type and size', () => {
    expect(checkImage(file('me.png', 1000, 'image/png'), catalog.image)).toEqual([]);
    expect(checkImage(file('me.gif', 1000, 'image/gif'), catalog.image)).toEqual(['Choose a PNG or JPEG image.']);
    expect(checkImage(file('me.jpg', 3 * 1024 * 1024, 'image/jpeg'), catalog.image)).toEqual(['The picture is 3 MiB; the limit is 2 MiB.']);
  });
});
