import { useEffect, useId, useRef, useState } from 'react';

/**
 * The new key, shown this once: a copy button and a warning. Dismissing it
 * drops the key from memory; the server never shows it again.
 */
export function NewKeyNotice({ name, secret, onDismiss }: { name: string; secret: string; onDismiss: () => void }) {
  const keyId = useId();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // Take the reader straight to the key (and select it for copying by hand).
  useEffect(() => input.current?.focus(), []);

  async function copy() {
    try {
      if (navigator.clipboard) {
        await navigator.clipboard.writeText(secret);
      } else {
        // Plain http on another host is not a secure context: no Clipboard API.
        input.current?.select();
        if (!document.execCommand('copy')) throw new Error('copy refused');
      }
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <div className="alert alert--info new-key" role="region" aria-label="New API key">
      <p>
        <strong>The key “{name}” is made. Copy it now: it is shown only this once.</strong> Store it where the workflow system reads it
        (it sends it as <code>X-API-Key</code>). If it is lost, revoke it and make another.
      </p>
      <p>
        <label htmlFor={keyId} className="field__label">
          API key
        </label>
        <input ref={input} id={keyId} className="secret-key" readOnly value={secret} onFocus={(e) => e.currentTarget.select()} />
      </p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void copy()}>
          Copy the key
        </button>
        <button type="button" className="button button--secondary" onClick={onDismiss}>
          I have stored it
        </button>
      </div>
      <p role="status" className="muted">
        {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'Copying failed: select the key and copy it by hand.' : ''}
      </p>
    </div>
  );
}
