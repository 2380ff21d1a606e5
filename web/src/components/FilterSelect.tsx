import { Field } from './Field';
import { Options, type Choice } from './Options';

/** A filter's select: "any" (the empty value) first, then the choices; reports (name, value). */
export function FilterSelect<K extends string>({
  label,
  name,
  value,
  options,
  anyLabel,
  onChange,
}: {
  label: string;
  name: K;
  value: string;
  options: readonly Choice[];
  anyLabel: string;
  onChange: (name: K, value: string) => void;
}) {
  return (
    <Field label={label} name={name}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(name, e.target.value)}>
          <option value="">{anyLabel}</option>
          <Options values={options} />
        </select>
      )}
    </Field>
  );
}
