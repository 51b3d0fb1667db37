import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('where sign-in leads', () => {
  it('returns to the page that was asked for, with its query', () => {
    expect(safeNext('next=%2Fsettings%2Fusers%3Fnew%3D1')).toBe('/settings/users?new=1');
  });

  it('goes home when nothing was asked for', () => {
    expect(safeNext('')).toBe('/');
  });

  it('never follows an address off the site or back to sign-in', () => {
    expect(safeNext('next=https%3A%2F%2Fevil.example')).toBe('/');
    expect(safeNext('next=%2F%2Fevil.example%2Fx')).toBe('/');
    expect(safeNext('next=javascript%3Aalert(1)')).toBe('/');
    expect(safeNext('next=%2Fsign-in%3Fnext%3D%2F')).toBe('/');
  });
});
