/** A list's search box. The owner debounces the value before it asks the server (see useListSearch). */
import { textLimits } from '../../shared/api/text';
export function SearchBox({ value, onChange, placeholder, testId }: { value: string; onChange: (v: string) => void; placeholder: string; testId: string }) {
  return (
    <input
      type="search"
      className="lp-search"
      value={value}
      maxLength={textLimits.search}
      placeholder={placeholder}
      aria-label={placeholder}
      data-testid={testId}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
