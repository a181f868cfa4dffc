import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/queries';
import { useDebouncedValue } from '../../app/useDebouncedValue';
import { textLimits } from '../../../shared/api/text';

export interface PickedCompound {
  id: number;
  name: string;
  communityName: string;
}

const SHOWN = 8;

/**
 * A searchable select of the street's compounds (小区), by name or code, for the place of a positive report.
 * A combobox after the ARIA pattern: type to search, arrows to move, Enter to take, Esc to close the list.
 */
export function CompoundPicker({ value, onChange, labelledBy }: { value: PickedCompound | null; onChange: (c: PickedCompound | null) => void; labelledBy: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useDebouncedValue(text.trim(), 200);
  const found = useApiQuery('listCompounds', { search: search || undefined, limit: SHOWN }, { enabled: open });
  const rows = found.data?.rows ?? [];

  const take = (i: number) => {
    const r = rows[i];
    if (!r) return;
    onChange({ id: r.id, name: r.name, communityName: r.communityName });
    setText('');
    setOpen(false);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, Math.max(rows.length - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && open && rows.length) {
      e.preventDefault();
      take(active);
    } else if (e.key === 'Escape' && open) {
      // Close the list, not the dialog around it.
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  if (value) {
    return (
      <div className="compound-picked row" data-testid="compound-picked">
        <span className="badge place">{value.communityName} · {value.name}</span>
        <button type="button" className="link" data-testid="compound-clear" onClick={() => onChange(null)}>{t('mode.place.clear')}</button>
      </div>
    );
  }
  return (
    <div className="compound-picker">
      <input
        id={`${id}-input`}
        data-testid="compound-search"
        role="combobox"
        aria-labelledby={labelledBy}
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && rows[active] ? `${id}-opt-${rows[active].id}` : undefined}
        maxLength={textLimits.search}
        placeholder={t('mode.place.searchHint')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKey}
      />
      {open && (
        <ul className="compound-options" id={`${id}-list`} role="listbox" data-testid="compound-options">
          {found.isPending && <li className="muted small">{t('app.loading')}</li>}
          {found.data && rows.length === 0 && <li className="muted small">{t('mode.place.noMatch')}</li>}
          {rows.map((r, i) => (
            <li
              key={r.id}
              id={`${id}-opt-${r.id}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              data-testid="compound-option"
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                take(i);
              }}
            >
              <strong>{r.name}</strong> <span className="muted small">{r.communityName} · {t('mode.place.residents', { count: r.residents })}</span>
            </li>
          ))}
          {found.data && found.data.total > rows.length && <li className="muted small">{t('mode.place.more', { count: found.data.total - rows.length })}</li>}
        </ul>
      )}
    </div>
  );
}
