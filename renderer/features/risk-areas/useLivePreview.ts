import { useEffect, useRef, useState } from 'react';
import { call } from '../../api';
import type { Input } from '../../../shared/api/contract';
import type { RiskAreaPreviewDto } from '../../../shared/api/risk-areas';

type PreviewInput = Input<'previewRiskArea'>;

export interface LivePreview {
  /** The figures of the latest shape answered (kept while the next is asked for). */
  data: RiskAreaPreviewDto | null;
  error: unknown;
  busy: boolean;
  /**
   * Milliseconds from the change that made the shape now shown (a vertex drag event) to its figures on screen,
   * measured after React committed them; null until a dragged shape was answered.
   */
  figuresMs: number | null;
}

/**
 * Figures of the unsaved shape while it is drawn or dragged: `previewRiskArea` for the newest shape, one request at a
 * time. A drag fires many changes a second; those that arrive while a request runs are folded into one, sent as soon as
 * the answer is in, so the figures follow the drag without a queue of stale requests behind it. `changedAt` is the
 * performance.now() of the change (null: nothing to time).
 */
export function useLivePreview(input: PreviewInput | null, changedAt: number | null): LivePreview {
  const [state, setState] = useState<{ data: RiskAreaPreviewDto | null; error: unknown; answeredChangeAt: number | null; seq: number }>({
    data: null,
    error: null,
    answeredChangeAt: null,
    seq: 0,
  });
  const [busy, setBusy] = useState(false);
  const [figuresMs, setFiguresMs] = useState<number | null>(null);
  const inFlight = useRef(false);
  const latest = useRef<{ input: PreviewInput | null; changedAt: number | null }>({ input, changedAt });
  const generation = useRef(0);

  useEffect(() => {
    latest.current = { input, changedAt };
    generation.current += 1;
    if (!input) {
      setState((s) => ({ data: null, error: null, answeredChangeAt: null, seq: s.seq + 1 }));
      return;
    }
    if (inFlight.current) return; // sent when the running request answers
    const send = () => {
      const { input: next, changedAt: at } = latest.current;
      if (!next) return;
      const sentGeneration = generation.current;
      inFlight.current = true;
      setBusy(true);
      call('previewRiskArea', next).then(
        (data) => finish(sentGeneration, { data, error: null, answeredChangeAt: at }),
        (error: unknown) => finish(sentGeneration, { data: null, error, answeredChangeAt: null }),
      );
    };
    const finish = (sentGeneration: number, result: { data: RiskAreaPreviewDto | null; error: unknown; answeredChangeAt: number | null }) => {
      inFlight.current = false;
      // A newer shape came while this one was being answered: show this answer, then ask for the newest.
      if (latest.current.input) setState((s) => ({ ...result, seq: s.seq + 1 }));
      if (sentGeneration !== generation.current && latest.current.input) send();
      else setBusy(false);
    };
    send();
  }, [input, changedAt]);

  // Runs after the figures of a dragged shape were committed to the page.
  const { answeredChangeAt, seq } = state;
  useEffect(() => {
    if (answeredChangeAt !== null) setFiguresMs(Math.round(performance.now() - answeredChangeAt));
  }, [answeredChangeAt, seq]);

  return { data: state.data, error: state.error, busy, figuresMs };
}
