// The public URL of an asset-store key, as sent email links to it (`asset:<key>` images).
import type { Deps } from '../../core/deps';

export function emailAssetUrl(config: Deps['config'], key: string): string {
  const base = (config.EMAIL_ASSET_BASE_URL ?? `${config.PUBLIC_BASE_URL.replace(/\/+$/, '')}/email-assets`).replace(/\/+$/, '');
  return `${base}/${key.split('/').map(encodeURIComponent).join('/')}`;
}
