import { useEffect, useId, useState } from 'react';
import { useDebouncedCallback } from './useDebouncedCallback';

export const SEARCH_DELAY_MS = 300;

/** A search field that reports its text after typing pauses (and at once on Enter). */
export function SearchBox({ value, onSearch, label = 'Search tickets' }: { value: string; onSearch: (text: string) => void; label?: string }) {
  const id = useId();
  const [text, setText] = useState(value);
  const report = useDebouncedCallback(onSearch, SEARCH_DELAY_MS);

  // The address bar changed (back button, a tab): show its search.
  useEffect(() => setText(value), [value]);

  return (
    <div className="field queue-search">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input
        id={id}
        type="search"
        value={text}
        placeholder="Subject, description, TX number…"
        onChange={(e) => {
          setText(e.target.value);
          report(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onSearch(text);
          }
        }}
      />
    </div>
  );
}
