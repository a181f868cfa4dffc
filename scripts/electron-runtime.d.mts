export type Runtime = { kind: 'electron'; binary: string } | { kind: 'browser'; reason: 'requested' | 'package-missing' | 'runtime-unavailable' };

export const fallbackMessage: string;
export function installedElectronBinary(electronDir: string, exists?: (file: string) => boolean, read?: (file: string) => string): string | null;
export function probeElectron(appRoot: string, options?: { timeoutMs?: number; execPath?: string }): string | null;
export function chooseRuntime(options: {
  appRoot: string;
  args?: string[];
  env?: Record<string, string | undefined>;
  exists?: (file: string) => boolean;
  installed?: (electronDir: string) => string | null;
  probe?: (appRoot: string) => string | null;
}): Runtime;
