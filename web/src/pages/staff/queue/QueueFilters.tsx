import { Field } from '../../../components/Field';
import { FilterSelect } from '../../../components/FilterSelect';
import { Options } from '../../../components/Options';
import type { Catalog } from '../../../api/types';
import { ORDERINGS, viewInfo, type FilterKey, type QueueState } from './queueQuery';
import { SearchBox } from './SearchBox';
import { SlaFilter } from './SlaFilter';

const PRIORITIES = ['Critical', 'High', 'Medium', 'Low'];

/** Search, the filters the view allows, and the sort order. */
export function QueueFilters({ state, catalog, onChange }: { state: QueueState; catalog: Catalog | null; onChange: (key: FilterKey, value: string) => void }) {
  const statuses = viewInfo(state.view).choosable;
  const departments = catalog?.departments ?? (state.department ? [state.department] : []);
  const categories = catalog?.categories.map((c) => c.name) ?? (state.category ? [state.category] : []);
  return (
    <form className="filters queue-filters" role="search" aria-label="Filter the queue" onSubmit={(e) => e.preventDefault()}>
      <SearchBox value={state.search} onSearch={(text) => onChange('search', text.trim())} />
      {statuses.length > 0 ? (
        <FilterSelect label="Status" name="status" value={state.status} options={statuses} anyLabel="Any status" onChange={onChange} />
      ) : null}
      <FilterSelect label="Priority" name="priority" value={state.priority} options={catalog?.priorities ?? PRIORITIES} anyLabel="Any priority" onChange={onChange} />
      <FilterSelect label="Department" name="department" value={state.department} options={departments} anyLabel="Any department" onChange={onChange} />
      <FilterSelect label="Category" name="category" value={state.category} options={categories} anyLabel="Any category" onChange={onChange} />
      <SlaFilter value={state.sla} onChange={onChange} />
      <Field label="Sort by" name="ordering">
        {(control) => (
          <select {...control} value={state.ordering} onChange={(e) => onChange('ordering', e.target.value)}>
            <Options values={ORDERINGS} />
          </select>
        )}
      </Field>
    </form>
  );
}
