/** 态势总览: map, street totals, mode banner. (The map work fills this in.) */
export function BoardScreen() {
  return <div className="panel">态势总览 (not yet)</div>;
}
