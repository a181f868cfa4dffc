/** A list's search box. The owner debounces the value before it asks the server (see useListSearch). */
export function SearchBox({ value, onChange, placeholder, testId }: { value: string; onChange: (v: string) => void; placeholder: string; testId: string }) {
  return (
    <input
      type="search"
      className="lp-search"
      value={value}
      placeholder={placeholder}
      aria-label={placeholder}
      data-testid={testId}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
