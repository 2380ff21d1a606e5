import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import { ConfirmDialog } from './ConfirmDialog';
import { DateTime, formatDuration } from './DateTime';
import { Field } from './Field';
import { FormError } from './FormError';

describe('Field', () => {
  it('links the label, the hint and the errors to the control', () => {
    render(
      <Field label="Email" name="email" hint="Your work address." errors={['Enter a valid email address.']}>
        {(p) => <input {...p} />}
      </Field>,
    );
    const input = screen.getByLabelText('Email');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Your work address. Enter a valid email address.');
  });

  it('is valid and undescribed without errors or hint', () => {
    render(<Field label="Name" name="name">{(p) => <input {...p} />}</Field>);
    const input = screen.getByLabelText('Name');
    expect(input).toHaveAttribute('aria-invalid', 'false');
    expect(input).not.toHaveAttribute('aria-describedby');
  });
});

describe('FormError', () => {
  it("shows an ApiError's detail, never its status", () => {
    render(<FormError error={new ApiError(409, 'conflict', 'This cannot be done in the current state.')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('This cannot be done in the current state.');
    expect(screen.getByRole('alert')).not.toHaveTextContent('409');
  });
});

describe('DateTime', () => {
  it('shows an instant in the local time zone with the machine-readable value kept', () => {
    render(<DateTime value="2026-03-04T05:06:07Z" />);
    const expected = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-03-04T05:06:07Z'));
    const el = screen.getByText(expected);
    expect(el.tagName).toBe('TIME');
    expect(el).toHaveAttribute('datetime', '2026-03-04T05:06:07Z');
  });

  it('shows a calendar date as that day, whatever the time zone', () => {
    render(<DateTime value="2026-03-04" />);
    expect(screen.getByText(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(2026, 2, 4)))).toBeInTheDocument();
  });

  it('formats durations', () => {
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(3 * 3600 + 5 * 60)).toBe('3 h 5 min');
    expect(formatDuration(null)).toBe('—');
  });
});

describe('ConfirmDialog', () => {
  it('is a labelled dialog whose buttons confirm and cancel', async () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    const user = userEvent.setup();
    render(
      <ConfirmDialog open title="Close this ticket?" confirmLabel="Close ticket" onConfirm={onConfirm} onCancel={onCancel}>
        <p>Sure?</p>
      </ConfirmDialog>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Close this ticket?' });
    await user.click(screen.getByRole('button', { name: 'Close ticket' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(dialog).toBeInTheDocument();
  });
});
