import { ErrorState } from '../../../components/ErrorState';
import { Field } from '../../../components/Field';
import { Loading } from '../../../components/Loading';
import { useLoad } from '../../../hooks/useLoad';
import { loadStaffPeople } from './staffPeople';

/** The staff picker (approved coordinators and admins), loaded while `active`. */
export function AssigneeSelect({
  active,
  label,
  value,
  onChange,
  errors,
  current,
  emptyLabel = 'Choose a person',
  required,
}: {
  active: boolean;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors: readonly string[] | undefined;
  current?: number | undefined;
  emptyLabel?: string;
  required?: boolean;
}) {
  const people = useLoad((signal) => (active ? loadStaffPeople(signal) : Promise.resolve(null)), [active]);
  if (people.loading) return <Loading label="Loading staff…" />;
  if (people.error) return <ErrorState title="Could not load the staff list" message={people.error} onRetry={people.reload} />;
  return (
    <Field label={label} name="assigned_to" errors={errors} required={required}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{emptyLabel}</option>
          {(people.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.role}){p.id === current ? ', assigned now' : ''}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
