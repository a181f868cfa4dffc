import type { ReactNode } from 'react';
import { DeskNotice } from './DeskNotice';
import { useCanWrite } from './useCanWrite';

/**
 * A form that only makes a change (a new log entry): shown to a signed-in operator at an unlocked desk, otherwise
 * replaced by the "请先签到" notice, so nobody types into a form the server will refuse. Forms that also show data
 * (the command structure, settings) stay visible in a disabled `fieldset.desk-fieldset` instead.
 */
export function DeskGate({ children }: { children: ReactNode }) {
  const { canWrite, blocked } = useCanWrite();
  if (canWrite) return <>{children}</>;
  return blocked === 'loading' ? null : <DeskNotice />;
}
