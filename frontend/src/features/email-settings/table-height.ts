// These lists are short (a handful of domains, pools, plans, profiles): the table is as tall as
// its rows, up to a limit, instead of a fixed screen-high grid.
const HEADER = 40;
const ROW = 44;
const EMPTY = 240;
const MAX = 520;

export function shortTableHeight(rows: number): number {
  return rows === 0 ? EMPTY : Math.min(MAX, HEADER + rows * ROW + 8);
}
