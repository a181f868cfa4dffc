import { useEffect, useId, useRef, type ReactNode } from 'react';
import './dialog.css';

/**
 * The one modal dialog of the app, on the native <dialog> element: the page behind is inert, focus stays inside,
 * Esc asks `onClose`, so the owner decides (for example, not while a save is running).
 */
export function Dialog({
  title,
  onClose,
  children,
  footer,
  testId,
  tone = 'normal',
  width = 520,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer: ReactNode;
  testId?: string;
  tone?: 'normal' | 'danger';
  width?: number;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`sc-dialog${tone === 'danger' ? ' danger' : ''}`}
      style={{ width }}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="sc-dialog-title">{title}</h2>
      <div className="sc-dialog-body stack">{children}</div>
      <div className="sc-dialog-footer row">{footer}</div>
    </dialog>
  );
}
