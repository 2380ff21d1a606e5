import { describe, expect, it } from 'vitest';
import { safeNext } from './guards';

describe('safeNext', () => {
  it('keeps a path inside the console', () => {
    expect(safeNext('/tickets/TX0001')).toBe('/tickets/TX0001');
    expect(safeNext('/queue?view=open&search=vpn')).toBe('/queue?view=open&search=vpn');
  });

  it('refuses what is not a path on this origin', () => {
    for (const next of [
      null,
      '',
      'tickets',
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example/x',
      '/\t/evil.example/x',
      '/\n/evil.example',
      'javascript:alert(1)',
      '/login?next=/queue',
    ]) {
      expect(safeNext(next), String(next)).toBeNull();
    }
  });
});
