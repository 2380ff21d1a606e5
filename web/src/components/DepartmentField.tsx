import { Field } from './Field';
import { Options } from './Options';

/** The required department choice of an account form. */
export function DepartmentField({
  value,
  onChange,
  errors,
  departments,
  placeholder,
}: {
  value: string;
  onChange: (department: string) => void;
  errors: readonly string[] | undefined;
  departments: readonly string[];
  placeholder: string;
}) {
  return (
    <Field label="Department" name="department" errors={errors} required>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{placeholder}</option>
          <Options values={departments} />
        </select>
      )}
    </Field>
  );
}
