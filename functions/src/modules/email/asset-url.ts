// Where mail clients load an `asset:<key>` image from: the asset store's public path under the
// app's public address. Content is compiled with it at save, so a saved email holds the full URL.
import type { Config } from '../../config/config';

export const EMAIL_ASSET_PATH = '/email-assets/';

export function emailAssetUrl(config: Pick<Config, 'PUBLIC_BASE_URL'>, key: string): string {
  return new URL(`${EMAIL_ASSET_PATH}${key.split('/').map(encodeURIComponent).join('/')}`, config.PUBLIC_BASE_URL).toString();
}
