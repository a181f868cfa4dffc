import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { nowMs, useNow } from '../../app/clock';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import type { InfectionFoundAt, LevelDto, RiskAreaDetailDto, RiskAreaListDto } from '../../../shared/api/risk-areas';
import { formatDateTime, formatDuration, fromDateTimeLocal, toDateTimeLocal } from '../../../shared/domain/shanghai-time';
import { levelLabel } from './names';

type Asking = 'infection' | 'round' | 'step' | null;

/**
 * 解除进度: the area's lifecycle state in words (from the server's state machine), the next step with its date and a
 * live countdown, and the records that move it: a new infection (where it was found), an all-negative round, and the
 * downgrade or lifting itself once due, each confirmed first.
 */
export function LifecycleBox({ area, levels, profile }: { area: RiskAreaDetailDto; levels: readonly LevelDto[]; profile: RiskAreaListDto['profile'] }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const [asking, setAsking] = useState<Asking>(null);
  const [at, setAt] = useState('');
  const [foundAt, setFoundAt] = useState<InfectionFoundAt>('community');
  const [note, setNote] = useState('');
  const lc = area.lifecycle;
  const next = lc.next;
  const active = area.status === 'published' || area.status === 'delineated';
  const open = (what: Asking) => {
    setAt(toDateTimeLocal(nowMs()));
    setNote('');
    setFoundAt('community');
    setAsking(what);
  };
  const atMs = () => fromDateTimeLocal(at);
  const badTime = () => (Number.isNaN(atMs()) ? t('risk.life.badTime') : atMs() > nowMs() ? t('risk.life.futureTime') : null);
  const toName = next ? levelLabel(next.to, levels, i18n.language, next.to) : '';

  return (
    <div className="risk-lifecycle stack" data-testid="lifecycle">
      <h4 className="risk-subhead">{t('risk.life.title')}</h4>
      <div className={`risk-life-words stage-${lc.stage}`} data-testid="lifecycle-words">{lc.words}</div>
      {next && (
        <div className="row small" data-testid="lifecycle-next">
          <span>{lc.nextWords ?? t(`risk.life.${next.action}`, { to: toName, date: next.date })}</span>
          <span className={next.due ? 'risk-due' : 'muted'} data-testid="lifecycle-countdown">
            {next.due ? t('risk.life.dueNow') : next.at > now ? t('risk.life.in', { time: formatDuration(next.at - now, t('mode.daySuffix')) }) : t('risk.life.waitRound')}
          </span>
        </div>
      )}
      {active && area.status === 'published' && (
        <div className="row">
          <button type="button" onClick={() => open('infection')} data-testid="record-infection">{t('risk.life.recordInfection')}</button>
          <button type="button" onClick={() => open('round')} data-testid="record-round">{t('risk.life.recordRound')}</button>
          {next?.due && (
            <button type="button" className="primary" onClick={() => setAsking('step')} data-testid="lifecycle-step">
              {next.action === 'downgrade' ? t('risk.life.downgradeTo', { to: toName }) : t('risk.life.liftNow')}
            </button>
          )}
        </div>
      )}

      {(area.infections.length > 0 || area.negativeRounds.length > 0) && (
        <ul className="risk-history small" data-testid="lifecycle-records">
          {area.infections.map((x) => (
            <li key={`i${x.id}`}>
              {formatDateTime(x.at)} {t(`risk.life.found.${x.foundAt}`)}
              {x.restartedClock ? ` · ${t('risk.life.restarted')}` : ` · ${t('risk.life.notRestarted')}`}
              {x.note && ` · ${x.note}`}
            </li>
          ))}
          {area.negativeRounds.map((r) => (
            <li key={`r${r.id}`}>
              {formatDateTime(r.at)} {t('risk.life.roundOnDay', { day: r.day })}
              {r.note && ` · ${r.note}`}
            </li>
          ))}
        </ul>
      )}

      {asking === 'infection' && (
        <ConfirmDialog
          title={t('risk.life.infectionTitle', { name: area.name })}
          testId="infection-dialog"
          confirmLabel={t('risk.life.record')}
          confirmTestId="infection-confirm"
          check={badTime}
          action={() => call('recordRiskAreaInfection', { id: area.id, at: atMs(), foundAt, note: note.trim() || null })}
          onClose={() => setAsking(null)}
        >
          <TimeField value={at} onChange={setAt} label={t('risk.life.foundTime')} />
          <fieldset className="risk-reports">
            <legend>{t('risk.life.foundWhere')}</legend>
            {(['community', 'in_control'] as const).map((f) => (
              <label key={f} className="risk-check">
                <input type="radio" name="found-at" checked={foundAt === f} onChange={() => setFoundAt(f)} data-testid={`found-${f}`} />
                {t(`risk.life.found.${f}`)}
              </label>
            ))}
          </fieldset>
          {profile && (
            <p className="muted small">{profile.inControlRestartsClock ? t('risk.life.inControlRestarts', { profile: profile.name }) : t('risk.life.inControlNoRestart', { profile: profile.name })}</p>
          )}
          <NoteField value={note} onChange={setNote} label={t('risk.life.note')} />
        </ConfirmDialog>
      )}
      {asking === 'round' && (
        <ConfirmDialog
          title={t('risk.life.roundTitle', { name: area.name })}
          testId="round-dialog"
          confirmLabel={t('risk.life.record')}
          confirmTestId="round-confirm"
          check={badTime}
          action={() => call('recordRiskAreaNegativeRound', { id: area.id, at: atMs(), note: note.trim() || null })}
          onClose={() => setAsking(null)}
        >
          <p>{t('risk.life.roundQuestion', { residents: area.residents.toLocaleString('zh-CN') })}</p>
          <TimeField value={at} onChange={setAt} label={t('risk.life.sampledAt')} />
          <NoteField value={note} onChange={setNote} label={t('risk.life.note')} />
        </ConfirmDialog>
      )}
      {asking === 'step' && next && (
        <ConfirmDialog
          title={next.action === 'downgrade' ? t('risk.life.downgradeTitle', { name: area.name, to: toName }) : t('risk.life.liftTitle', { name: area.name })}
          testId="step-dialog"
          confirmLabel={next.action === 'downgrade' ? t('risk.life.downgradeTo', { to: toName }) : t('risk.life.liftNow')}
          confirmTestId="step-confirm"
          action={() => (next.action === 'downgrade' ? call('downgradeRiskArea', { id: area.id, confirm: true }) : call('liftRiskArea', { id: area.id, confirm: true }))}
          onClose={() => setAsking(null)}
        >
          <p>{lc.words}</p>
          <p>{next.action === 'downgrade' ? t('risk.life.downgradeQuestion', { to: toName }) : t('risk.life.liftQuestion')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function TimeField({ value, onChange, label }: { value: string; onChange: (v: string) => void; label: string }) {
  return (
    <div className="field">
      <label htmlFor="risk-life-at">{label}</label>
      <input id="risk-life-at" type="datetime-local" value={value} onChange={(e) => onChange(e.target.value)} data-testid="life-at" />
    </div>
  );
}

function NoteField({ value, onChange, label }: { value: string; onChange: (v: string) => void; label: string }) {
  return (
    <div className="field">
      <label htmlFor="risk-life-note">{label}</label>
      <input id="risk-life-note" value={value} onChange={(e) => onChange(e.target.value)} data-testid="life-note" />
    </div>
  );
}
