export type Choice = string | { value: string; label: string };

/** One <option> per choice; a plain string is both the value and the text. */
export function Options({ values }: { values: readonly Choice[] }) {
  return (
    <>
      {values.map((c) => {
        const { value, label } = typeof c === 'string' ? { value: c, label: c } : c;
        return (
          <option key={value} value={value}>
            {label}
          </option>
        );
      })}
    </>
  );
}
