import { Field } from './Field';
import { Options } from './Options';

export interface Names {
  first_name: string;
  middle_name: string;
  last_name: string;
  suffix: string;
}

/** First, middle (optional), last name and suffix (optional, from the catalogue). */
export function NameFields({
  value,
  onChange,
  errors,
  suffixes,
}: {
  value: Names;
  onChange: (next: Names) => void;
  errors: Record<string, string[]>;
  suffixes: readonly string[];
}) {
  const set = (key: keyof Names) => (e: { target: { value: string } }) => onChange({ ...value, [key]: e.target.value });
  return (
    <div className="form__row">
      <Field label="First name" name="first_name" errors={errors.first_name} required>
        {(p) => <input {...p} autoComplete="given-name" value={value.first_name} onChange={set('first_name')} />}
      </Field>
      <Field label="Middle name (optional)" name="middle_name" errors={errors.middle_name}>
        {(p) => <input {...p} autoComplete="additional-name" value={value.middle_name} onChange={set('middle_name')} />}
      </Field>
      <Field label="Last name" name="last_name" errors={errors.last_name} required>
        {(p) => <input {...p} autoComplete="family-name" value={value.last_name} onChange={set('last_name')} />}
      </Field>
      <Field label="Suffix (optional)" name="suffix" errors={errors.suffix}>
        {(p) => (
          <select {...p} value={value.suffix} onChange={set('suffix')}>
            <option value="">None</option>
            <Options values={suffixes} />
          </select>
        )}
      </Field>
    </div>
  );
}
