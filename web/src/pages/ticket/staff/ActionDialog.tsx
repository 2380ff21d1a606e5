import { useEffect, type ReactNode } from 'react';
import type { ApiError } from '../../../api/errors';
import { ConfirmDialog } from '../../../components/ConfirmDialog';

export interface ActionDialogProps {
  open: boolean;
  title: string;
  confirmLabel: string;
  busy: boolean;
  error: ApiError | null;
  danger?: boolean;
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** Called each time the dialog opens: reset the form. */
  onOpen: () => void;
  children: ReactNode;
}

/** ConfirmDialog for a ticket action, its form reset on every opening. */
export function ActionDialog({ onOpen, open, ...rest }: ActionDialogProps) {
  useEffect(() => {
    if (open) onOpen();
    // Only on opening; onOpen is a fresh closure each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
  return <ConfirmDialog open={open} {...rest} />;
}

/** The props every ticket action's dialog takes from its action and its opener. */
export function dialogState(action: { busy: boolean; error: ApiError | null }, open: boolean, onClose: () => void) {
  return { open, busy: action.busy, error: action.error, onCancel: onClose };
}
