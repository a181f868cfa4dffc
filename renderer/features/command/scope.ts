/**
 * What the command editors change: the template (the next emergency starts with it) or the live structure of the
 * running emergency (each save a new snapshot and a log entry; the template stays). One method per scope.
 */
export type CommandScope = 'template' | 'live';

export const saveMethods = {
  template: { leader: 'saveCommandLeader', group: 'saveWorkGroup', baobao: 'saveBaobao' },
  live: { leader: 'saveLiveCommandLeader', group: 'saveLiveWorkGroup', baobao: 'saveLiveBaobao' },
} as const;
