import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { ApiError } from '../api/errors';
import { FormError } from './FormError';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  error?: ApiError | string | null;
  danger?: boolean;
  /** Disables the confirm button (e.g. a required reason is empty). */
  confirmDisabled?: boolean;
}

/**
 * A modal <dialog>: focus moves into it and returns on close, Escape cancels.
 * Put any inputs (a reason, a comment) in `children`.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, title, children, confirmLabel, cancelLabel = 'Cancel', onConfirm, onCancel, busy, error, danger, confirmDisabled } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const returnFocus = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement;
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      if (returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      {open ? (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy && !confirmDisabled) onConfirm();
          }}
        >
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          <div className="dialog__body">{children}</div>
          <FormError error={error} />
          <div className="dialog__actions">
            <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
              {cancelLabel}
            </button>
            <button type="submit" className={`button${danger ? ' button--danger' : ''}`} disabled={busy || confirmDisabled}>
              {busy ? 'Working…' : confirmLabel}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
