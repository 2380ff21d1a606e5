import type { ReactNode } from 'react';

/** A form's submit button: disabled and showing `busyLabel` while the request runs. */
export function SubmitButton({ busy, label, busyLabel }: { busy: boolean; label: ReactNode; busyLabel: string }) {
  return (
    <button type="submit" className="button" disabled={busy}>
      {busy ? busyLabel : label}
    </button>
  );
}
