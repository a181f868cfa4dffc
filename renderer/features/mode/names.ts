/** Domain names come as { zh, en } or as (name, nameEn) pairs; pick the one for the interface language. */
export function isEnglish(language: string): boolean {
  return language.startsWith('en');
}

export function pickName(names: { zh: string; en: string }, language: string): string {
  return isEnglish(language) ? names.en : names.zh;
}

export function deadlineName(d: { name: string; nameEn: string }, language: string): string {
  return isEnglish(language) ? d.nameEn : d.name;
}
