/** 街道数据: communities, compounds, venues and imports. (The street-data work fills this in.) */
export function StreetDataScreen() {
  return <div className="panel">街道数据 (not yet)</div>;
}
