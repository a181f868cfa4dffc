import { useTranslation } from 'react-i18next';
import { useDesk } from './queries';

/** Why a change would be refused now: nobody signed in, the desk locked, or the desk not known yet. */
export type DeskBlock = 'signed_out' | 'locked' | 'loading';

export interface CanWrite {
  canWrite: boolean;
  blocked: DeskBlock | null;
  /** What a disabled button says on hover; empty when writing is allowed. */
  hint: string;
}

/**
 * The server's rule (main/api/dispatch.ts, issue 9), known to the UI: every change needs a signed-in operator at an
 * unlocked desk. Write buttons and forms read this, so nobody fills in a form the server will refuse.
 */
export function useCanWrite(): CanWrite {
  const { t } = useTranslation();
  const d = useDesk().data;
  const blocked: DeskBlock | null = !d ? 'loading' : !d.operator ? 'signed_out' : d.locked ? 'locked' : null;
  return { canWrite: blocked === null, blocked, hint: blocked ? t(`desk.rule.${blocked}`) : '' };
}
