import { describe, expect, it } from 'vitest';
import { confirmProblem, emailProblem, nameProblem, passwordProblem } from './validation';

describe('client-side checks', () => {
  it('words the password rule like the server', () => {
    expect(passwordProblem('weakpass')).toBe('Password needs an upper-case letter, a digit and a symbol.');
    expect(passwordProblem('Ab1!')).toBe('Password needs at least 8 characters.');
    expect(passwordProblem('abc')).toBe('Password needs at least 8 characters, an upper-case letter, a digit and a symbol.');
    expect(passwordProblem('Secret#123')).toBeNull();
    expect(passwordProblem('')).toBe('This field is required.');
  });

  it('checks emails, names and the confirmation', () => {
    expect(emailProblem('wendy@localhost')).toBe('Enter a valid email address.');
    expect(emailProblem(' emma@example.com ')).toBeNull();
    expect(nameProblem("Anne-Marie O'Neil")).toBeNull();
    expect(nameProblem('José')).toBeNull();
    expect(nameProblem('R2D2')).toMatch(/letters/);
    expect(nameProblem('', false)).toBeNull();
    expect(confirmProblem('a', 'b')).toBe('Passwords do not match.');
  });
});
