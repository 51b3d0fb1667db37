import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, headerCheckState, isRowSelected, selectAllMatching, selectedCount, selectionLookup, setRows, toggleRow } from './selection';

describe('selecting rows of a server-paged list', () => {
  it('toggles explicit ids', () => {
    const one = toggleRow(EMPTY_SELECTION, 'acc_1');
    expect(one).toEqual({ allMatching: false, ids: ['acc_1'] });
    expect(isRowSelected(one, 'acc_1')).toBe(true);
    expect(toggleRow(one, 'acc_1')).toEqual({ allMatching: false, ids: [] });
  });

  it('counts "all matching" from the total, minus rows unticked since', () => {
    const all = selectAllMatching();
    expect(selectedCount(all, 100_000)).toBe(100_000);
    const lessTwo = toggleRow(toggleRow(all, 'acc_7'), 'acc_9');
    expect(lessTwo).toEqual({ allMatching: true, except: ['acc_7', 'acc_9'] });
    expect(isRowSelected(lessTwo, 'acc_7')).toBe(false);
    expect(isRowSelected(lessTwo, 'acc_8')).toBe(true);
    expect(selectedCount(lessTwo, 100_000)).toBe(99_998);
    expect(selectedCount(toggleRow(lessTwo, 'acc_7'), 100_000)).toBe(99_999);
  });

  it('never counts below zero when the total is unknown', () => {
    expect(selectedCount({ allMatching: true, except: ['a'] }, undefined)).toBe(0);
  });

  it('selects and unselects ranges without duplicates', () => {
    const some = setRows(EMPTY_SELECTION, ['a', 'b', 'c'], true);
    expect(setRows(some, ['b', 'c', 'd'], true)).toEqual({ allMatching: false, ids: ['a', 'b', 'c', 'd'] });
    expect(setRows(some, ['a', 'c'], false)).toEqual({ allMatching: false, ids: ['b'] });
    const all = setRows(selectAllMatching(), ['x', 'y'], false);
    expect(all).toEqual({ allMatching: true, except: ['x', 'y'] });
    expect(setRows(all, ['x'], true)).toEqual({ allMatching: true, except: ['y'] });
  });

  it('gives the page checkbox its three states', () => {
    const rows = ['a', 'b', 'c'];
    expect(headerCheckState(EMPTY_SELECTION, rows)).toBe(false);
    expect(headerCheckState(setRows(EMPTY_SELECTION, ['a'], true), rows)).toBe('indeterminate');
    expect(headerCheckState(setRows(EMPTY_SELECTION, rows, true), rows)).toBe(true);
    expect(headerCheckState(selectAllMatching(), rows)).toBe(true);
    expect(headerCheckState(selectAllMatching(), [])).toBe(false);
  });

  it('answers membership the same way through the precomputed lookup', () => {
    const explicit = setRows(EMPTY_SELECTION, ['a', 'c'], true);
    const allBut = setRows(selectAllMatching(), ['b'], false);
    for (const selection of [explicit, allBut, EMPTY_SELECTION]) {
      const lookup = selectionLookup(selection);
      for (const id of ['a', 'b', 'c', 'd']) expect(lookup(id)).toBe(isRowSelected(selection, id));
    }
  });

  it('checks 100,000 loaded rows against 100,000 selected ids (set lookups, not a quadratic scan)', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `acc_${i}`);
    const all = setRows(EMPTY_SELECTION, ids, true);
    expect(headerCheckState(all, ids)).toBe(true);
    expect(headerCheckState(toggleRow(all, 'acc_5'), ids)).toBe('indeterminate');
  });
});
