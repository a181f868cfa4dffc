import { create } from 'zustand';

/**
 * Which desk dialog is open (sign in, 交接班), shared by the top bar that shows them and the "请先签到" notices
 * anywhere on a screen that open the sign-in from where the user is.
 */
export interface DeskDialogState {
  open: null | 'signin' | 'handover';
  setOpen(open: DeskDialogState['open']): void;
}

export const useDeskDialog = create<DeskDialogState>((set) => ({
  open: null,
  setOpen: (open) => set({ open }),
}));
