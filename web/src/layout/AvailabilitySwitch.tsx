import { useEffect, useState } from 'react';
import { ApiError } from '../api/errors';
import { getAvailability, setAvailability } from '../api/sla';
import type { Availability } from '../api/types';

/**
 * Staff only: "Available for new tickets", a switch (role="switch",
 * aria-checked) for automatic assignment. It shows once the server said where
 * the person stands, and goes back (with the reason) when a change is refused.
 */
export function AvailabilitySwitch() {
  const [state, setState] = useState<Availability | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    getAvailability(controller.signal).then(
      (a) => setState(a),
      () => undefined, // without an answer the switch stays hidden: nothing to show yet
    );
    return () => controller.abort();
  }, []);

  if (!state) return null;
  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      setState(await setAvailability(!state.available));
    } catch (e) {
      setError(e instanceof ApiError ? e.detail : 'Could not change your availability.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="availability">
      <button
        type="button"
        role="switch"
        aria-checked={state.available}
        className={`switch${state.available ? ' switch--on' : ''}`}
        disabled={busy}
        onClick={() => void toggle()}
      >
        <span className="switch__track" aria-hidden="true">
          <span className="switch__thumb" />
        </span>
        <span className="switch__label">
          Available<span className="visually-hidden"> for new tickets</span>
        </span>
      </button>
      {error ? (
        <span className="availability__error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
