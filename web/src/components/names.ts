import { nameProblem } from '../auth/validation';
import type { Names } from './NameFields';

export const EMPTY_NAMES: Names = { first_name: '', middle_name: '', last_name: '', suffix: '' };

/** The client checks of NameFields' values, to spread into collect(). */
export function nameProblems(names: Names) {
  return {
    first_name: nameProblem(names.first_name),
    middle_name: nameProblem(names.middle_name, false),
    last_name: nameProblem(names.last_name),
  };
}

/** The names of a new account: trimmed, the optional ones left out when empty. */
export function newAccountNames(names: Names) {
  return {
    first_name: names.first_name.trim(),
    middle_name: names.middle_name.trim() || undefined,
    last_name: names.last_name.trim(),
    suffix: names.suffix || undefined,
  };
}
