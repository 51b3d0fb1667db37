import { describe, expect, it } from 'vitest';
import { KeyIndex } from './key-index';

describe('the in-file duplicate index', () => {
  it('returns the first row of a key seen before, across growth of the table', () => {
    const index = new KeyIndex(4);
    for (let i = 0; i < 50_000; i++) expect(index.firstRow(`person${i}@example.com`, i + 2)).toBeUndefined();
    expect(index.size).toBe(50_000);
    for (let i = 0; i < 50_000; i += 997) expect(index.firstRow(`person${i}@example.com`, 99_999)).toBe(i + 2);
    expect(index.size).toBe(50_000);
  });
});
