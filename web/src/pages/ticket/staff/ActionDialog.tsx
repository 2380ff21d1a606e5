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
