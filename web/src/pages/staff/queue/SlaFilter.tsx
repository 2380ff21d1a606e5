import { Field } from '../../../components/Field';
import { Options } from '../../../components/Options';
import { SLA_STATES } from '../../../components/SlaBadge';
import type { FilterKey } from './queueQuery';

/** The queue's `?sla=` filter: the tickets whose overall SLA state is the one chosen. */
export function SlaFilter({ value, onChange }: { value: string; onChange: (key: FilterKey, value: string) => void }) {
  return (
    <Field label="SLA" name="sla">
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange('sla', e.target.value)}>
          <option value="">Any SLA state</option>
          <Options values={SLA_STATES} />
        </select>
      )}
    </Field>
  );
}
