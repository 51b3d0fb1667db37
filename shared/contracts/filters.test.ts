import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  EMPTY_FILTER,
  MAX_FILTER_CONDITIONS,
  MAX_FILTER_DEPTH,
  OPERATORS_BY_TYPE,
  base64UrlBytes,
  decodeFilter,
  encodeFilter,
  filterConditionSchema,
  filterQueryParam,
  filterSchema,
  isFilterGroup,
  type FilterGroup,
} from './filters';

const sample: FilterGroup = {
  type: 'and',
  conditions: [
    { field: 'country', op: 'in', value: ['DE', 'FR'] },
    { field: 'jobTitle', op: 'contains', value: 'Café ☕ "quoted" & more' },
    { type: 'or', conditions: [{ field: 'employeeCount', op: 'between', value: [10, 200] }, { field: 'email', op: 'is_empty' }] },
  ],
};

describe('filter conditions', () => {
  it('accepts each operator with the value shape it needs', () => {
    const ok = [
      { field: 'a', op: 'eq', value: 'x' },
      { field: 'a', op: 'neq', value: 3 },
      { field: 'a', op: 'contains', value: 'x' },
      { field: 'a', op: 'starts_with', value: 'x' },
      { field: 'a', op: 'in', value: ['x', 'y'] },
      { field: 'a', op: 'not_in', value: [1] },
      { field: 'a', op: 'is_empty' },
      { field: 'a', op: 'is_not_empty' },
      { field: 'a', op: 'gt', value: 1 },
      { field: 'a', op: 'lt', value: 1 },
      { field: 'a', op: 'between', value: [1, 2] },
      { field: 'a', op: 'before', value: '2025-01-01' },
      { field: 'a', op: 'after', value: '2025-01-01' },
      { field: 'custom.region', op: 'eq', value: true },
    ];
    for (const c of ok) expect(filterConditionSchema.safeParse(c).success, JSON.stringify(c)).toBe(true);
  });

  it.each([
    [{ field: 'a', op: 'eq' }, 'value'],
    [{ field: 'a', op: 'in', value: 'x' }, 'value'],
    [{ field: 'a', op: 'eq', value: ['x'] }, 'value'],
    [{ field: 'a', op: 'between', value: [1] }, 'value'],
    [{ field: 'a', op: 'in', value: [] }, 'value'],
    [{ field: '1bad', op: 'eq', value: 'x' }, 'field'],
    [{ field: 'a; drop table', op: 'eq', value: 'x' }, 'field'],
    [{ field: 'a', op: 'like', value: 'x' }, 'op'],
  ])('refuses %j (on %s)', (condition, path) => {
    const result = filterConditionSchema.safeParse(condition);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path[0]).toBe(path);
  });

  it('offers every operator for at least one type, and eq for text, number, enum and boolean', () => {
    const all = new Set(Object.values(OPERATORS_BY_TYPE).flat());
    expect(all.size).toBe(13);
    for (const type of ['text', 'number', 'enum', 'boolean'] as const) expect(OPERATORS_BY_TYPE[type]).toContain('eq');
  });
});

describe('filter groups', () => {
  it('limits depth and size', () => {
    let deep: FilterGroup = { type: 'and', conditions: [{ field: 'a', op: 'is_empty' }] };
    for (let i = 0; i < MAX_FILTER_DEPTH; i++) deep = { type: 'or', conditions: [deep] };
    expect(filterSchema.safeParse(deep).success).toBe(false);
    const wide: FilterGroup = {
      type: 'and',
      conditions: [
        { type: 'or', conditions: Array.from({ length: 30 }, () => ({ field: 'a', op: 'is_empty' as const })) },
        { type: 'or', conditions: Array.from({ length: 30 }, () => ({ field: 'b', op: 'is_empty' as const })) },
      ],
    };
    expect(60).toBeGreaterThan(MAX_FILTER_CONDITIONS);
    expect(filterSchema.safeParse(wide).success).toBe(false);
    expect(filterSchema.safeParse(sample).success).toBe(true);
    expect(filterSchema.safeParse(EMPTY_FILTER).success).toBe(true);
  });

  it('refuses a filter nested hundreds of groups deep with an issue, without exhausting the stack', () => {
    let deep: FilterGroup = { type: 'and', conditions: [] };
    for (let i = 0; i < 600; i++) deep = { type: 'and', conditions: [deep] };
    const request = z.object({ filter: filterSchema });
    const result = request.safeParse({ filter: deep });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['filter']);
    expect(result.error!.issues[0]!.message).toContain(`at most ${MAX_FILTER_DEPTH} groups deep`);
  });

  it('tells groups from conditions', () => {
    expect(isFilterGroup(sample)).toBe(true);
    expect(isFilterGroup(sample.conditions[0]!)).toBe(false);
  });
});

describe('URL form', () => {
  it('round-trips unicode and quotes, in URL-safe characters', () => {
    const encoded = encodeFilter(sample);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeFilter(encoded)).toEqual(sample);
    expect(filterQueryParam.parse(encoded)).toEqual(sample);
    // Plain base64 (with padding) reads the same.
    const plain = encoded.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(encoded.length / 4) * 4, '=');
    expect(decodeFilter(plain)).toEqual(sample);
  });

  it('round-trips any valid filter', () => {
    const condition = fc.record({
      field: fc.constantFrom('name', 'country', 'custom.x'),
      op: fc.constantFrom('eq' as const, 'contains' as const),
      value: fc.oneof(fc.string({ maxLength: 50 }), fc.integer()),
    });
    fc.assert(
      fc.property(fc.array(condition, { maxLength: 10 }), fc.constantFrom('and' as const, 'or' as const), (conditions, type) => {
        const filter: FilterGroup = { type, conditions };
        expect(decodeFilter(encodeFilter(filter))).toEqual(filter);
      }),
    );
  });

  it('decodes base64 and base64url alike on the server and in the browser, refusing stray characters', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const url = Buffer.from(bytes).toString('base64url');
        const plain = Buffer.from(bytes).toString('base64');
        for (const encoded of [url, plain]) {
          expect([...base64UrlBytes(encoded)]).toEqual([...bytes]);
          expect([...base64UrlBytes(encoded, null)]).toEqual([...bytes]);
        }
        for (const native of [undefined, null]) expect(() => base64UrlBytes(`${url}!`, native)).toThrow();
      }),
    );
  });

  it('answers null (and the query parameter an error) for anything else', () => {
    for (const bad of [null, undefined, '', '!!!', 'e30', encodeFilter({ type: 'xor' } as unknown as FilterGroup)]) expect(decodeFilter(bad)).toBeNull();
    expect(filterQueryParam.safeParse('nope').success).toBe(false);
    // A stray character is refused, not skipped (a lenient decoder would still find the JSON).
    const encoded = encodeFilter(sample);
    for (const stray of ['!', ' ', '.', '%']) expect(decodeFilter(`${encoded.slice(0, 8)}${stray}${encoded.slice(8)}`)).toBeNull();
    fc.assert(fc.property(fc.string(), (s) => void decodeFilter(s)));
  });
});
