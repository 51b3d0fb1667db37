import { describe, expect, it } from 'vitest';
import { nextInOrder } from './queue-order';

describe('the next lead in the queue the analyst came from', () => {
  const ids = ['a', 'b', 'c'];
  it('is the one after the current lead', () => {
    expect(nextInOrder(ids, 'a')).toBe('b');
    expect(nextInOrder(ids, 'b')).toBe('c');
  });
  it('is none at the end of the queue, or for a lead the queue did not list', () => {
    expect(nextInOrder(ids, 'c')).toBeNull();
    expect(nextInOrder(ids, 'z')).toBeNull();
    expect(nextInOrder([], 'a')).toBeNull();
  });
});
