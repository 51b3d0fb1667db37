import { describe, expect, it } from 'vitest';
import { NAV_ENTRIES, entriesFor, entryAt } from './navigation';

describe('the navigation registry', () => {
  it('offers admins every page', () => {
    expect(entriesFor(['admin']).map((e) => e.id)).toEqual(NAV_ENTRIES.map((e) => e.id));
  });

  it('keeps admin-only pages from every other role', () => {
    for (const role of ['campaign_manager', 'agent', 'quality_analyst', 'content_creator', 'client_user'] as const) {
      const ids = entriesFor([role]).map((e) => e.id);
      expect(ids).not.toContain('users');
      expect(ids).not.toContain('design');
      expect(ids).toContain('dashboard');
    }
  });

  it('shows agents the pages of the capabilities they hold, and not segments or the suppression list', () => {
    expect(entriesFor(['agent']).map((e) => e.id).sort()).toEqual(['accounts', 'contacts', 'content', 'content-social', 'dashboard', 'lists', 'tasks', 'telephony-console']);
    expect(entriesFor(['agent', 'quality_analyst']).map((e) => e.id)).toContain('segments');
  });

  it('offers Lead QA to the roles that review leads, its sub-paths included, and to no agent', () => {
    for (const role of ['admin', 'campaign_manager', 'quality_analyst'] as const) expect(entriesFor([role]).map((e) => e.id)).toContain('lead-qa');
    expect(entriesFor(['agent']).map((e) => e.id)).not.toContain('lead-qa');
    expect(entryAt('/leads')?.id).toBe('lead-qa');
    expect(entryAt('/leads/0b1e6a52-3c1f-4d8e-9a4b-5f2c7d9e1a30')?.id).toBe('lead-qa');
  });

  it('offers Orders to the roles that read orders, its sub-paths included, and to no agent or client user', () => {
    for (const role of ['admin', 'campaign_manager', 'quality_analyst'] as const) expect(entriesFor([role]).map((e) => e.id)).toContain('orders');
    for (const role of ['agent', 'content_creator', 'client_user'] as const) expect(entriesFor([role]).map((e) => e.id)).not.toContain('orders');
    expect(entryAt('/orders')?.id).toBe('orders');
    expect(entryAt('/orders/0b1e6a52-3c1f-4d8e-9a4b-5f2c7d9e1a30')?.id).toBe('orders');
    expect(NAV_ENTRIES.find((e) => e.id === 'orders')?.goKey).toBe('o');
  });

  it('offers no page to someone with no role', () => {
    expect(entriesFor([])).toEqual([]);
  });

  it('gives every page a unique id, path and go-to key', () => {
    const unique = (values: unknown[]) => new Set(values).size === values.length;
    expect(unique(NAV_ENTRIES.map((e) => e.id))).toBe(true);
    expect(unique(NAV_ENTRIES.map((e) => e.path))).toBe(true);
    expect(unique(NAV_ENTRIES.filter((e) => e.goKey).map((e) => e.goKey))).toBe(true);
  });

  it('finds the page at an address, ignoring a trailing slash', () => {
    expect(entryAt('/')?.id).toBe('dashboard');
    expect(entryAt('/settings/users/')?.id).toBe('users');
    expect(entryAt('/settings/users/extra')).toBeUndefined();
    expect(entryAt('/nowhere')).toBeUndefined();
  });

  it('finds each page at its own path, even where a nested page would also answer it', () => {
    for (const entry of NAV_ENTRIES) expect(entryAt(entry.path)?.id).toBe(entry.id);
    expect(entryAt('/leads/settings')?.id).toBe('leads-settings');
  });
});
