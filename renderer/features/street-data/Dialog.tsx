import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal dialog on the native <dialog> element: the page behind is inert, Esc closes, focus stays inside.
 * Closing goes through `onClose` so the owner decides (for example, not while a save is running).
 */
export function Dialog({
  title,
  onClose,
  children,
  footer,
  testId,
  tone = 'normal',
  width = 560,
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
      className={`sd-dialog ${tone === 'danger' ? 'danger' : ''}`}
      style={{ width }}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="sd-dialog-head">
        <h2 id={titleId}>{title}</h2>
      </header>
      <div className="sd-dialog-body">{children}</div>
      <footer className="sd-dialog-foot">{footer}</footer>
    </dialog>
  );
}
