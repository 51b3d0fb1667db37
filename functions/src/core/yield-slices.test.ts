// sliceYielder: no yield inside a slice; past it, one turn of the event loop (what was queued
// meanwhile runs first), and the next slice is measured from the end of that turn.
import { describe, expect, it } from 'vitest';
import { sliceYielder } from './yield-slices';

describe('sliceYielder', () => {
  it('yields to the event loop only once a slice has run its time', async () => {
    let clock = 100;
    const slice = sliceYielder(2, () => clock);
    clock = 101.5;
    expect(slice()).toBeUndefined();

    clock = 102;
    const order: string[] = [];
    setImmediate(() => order.push('queued meanwhile'));
    const turn = slice();
    expect(turn).toBeInstanceOf(Promise);
    await turn;
    order.push('work goes on');
    expect(order).toEqual(['queued meanwhile', 'work goes on']);

    // The new slice starts when the turn ended.
    clock = 103.5;
    expect(slice()).toBeUndefined();
    clock = 104;
    expect(slice()).toBeInstanceOf(Promise);
  });
});
