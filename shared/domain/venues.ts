/** Key venue types (重点场所) from DOMAIN.md. `suspendInRiskArea`: indoor entertainment suspended inside risk areas. */
export const venueTypes = [
  { id: 'market', zh: '农贸市场', en: 'Market', suspendInRiskArea: false },
  { id: 'supermarket', zh: '商场超市', en: 'Supermarket', suspendInRiskArea: false },
  { id: 'school', zh: '学校', en: 'School', suspendInRiskArea: false },
  { id: 'kindergarten', zh: '幼儿园', en: 'Kindergarten', suspendInRiskArea: false },
  { id: 'elderly_home', zh: '养老机构', en: 'Elderly home', suspendInRiskArea: false },
  { id: 'clinic', zh: '医疗机构', en: 'Clinic', suspendInRiskArea: false },
  { id: 'pharmacy', zh: '药店', en: 'Pharmacy', suspendInRiskArea: false },
  { id: 'chess_room', zh: '棋牌室', en: 'Chess-and-card room', suspendInRiskArea: true },
  { id: 'ktv', zh: 'KTV', en: 'KTV', suspendInRiskArea: true },
  { id: 'internet_cafe', zh: '网吧', en: 'Internet café', suspendInRiskArea: true },
  { id: 'hotel', zh: '宾馆酒店', en: 'Hotel', suspendInRiskArea: false },
  { id: 'construction_site', zh: '建筑工地', en: 'Construction site', suspendInRiskArea: false },
  { id: 'cold_store', zh: '冷库', en: 'Cold store', suspendInRiskArea: false },
] as const;

export type VenueType = (typeof venueTypes)[number]['id'];
export const venueTypeIds = venueTypes.map((t) => t.id) as [VenueType, ...VenueType[]];

/** Accepts the id, or the Chinese or English label, as an import file may hold either. */
export function parseVenueType(text: string): VenueType | null {
  const t = text.trim().toLowerCase();
  const hit = venueTypes.find((v) => v.id === t || v.zh.toLowerCase() === t || v.en.toLowerCase() === t);
  return hit ? hit.id : null;
}
