const formats = new Map<string, Intl.NumberFormat>();

/** 12,345 (thousands separators in the UI language). */
export function formatCount(n: number, language: string): string {
  let f = formats.get(language);
  if (!f) {
    f = new Intl.NumberFormat(language === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 0 });
    formats.set(language, f);
  }
  return f.format(n);
}
