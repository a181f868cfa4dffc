import type { KeyboardEvent } from 'react';

/**
 * Enter in a one-line field saves, as it does inside a <form>, for editors laid out as table rows or cards that
 * cannot be a form. Not while an input method is composing: Chinese input confirms its candidate with Enter.
 * Multi-line fields (textarea), buttons and selects keep their own Enter.
 */
export function saveOnEnter(save: () => void) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    if (target.tagName !== 'INPUT') return;
    e.preventDefault();
    // The innermost editor saves; an editor around it (a dialog holding a swap form) does not save as well.
    e.stopPropagation();
    save();
  };
}
