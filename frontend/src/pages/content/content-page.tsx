// Content: the asset library at /content and one asset at /content/assets/:assetId (the navigation
// entry is nested, so this page routes its sub-paths).
import { useRoute } from 'wouter';
import { NotFound } from '@/shell/page-states';
import { AssetDetail } from './asset-detail';
import { AssetLibrary } from './asset-library';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default function ContentPage() {
  const [isAsset, params] = useRoute<{ assetId: string }>('/content/assets/:assetId');
  const [isOther] = useRoute('/content/*');
  if (isAsset) return UUID.test(params.assetId) ? <AssetDetail key={params.assetId} id={params.assetId} /> : <NotFound />;
  if (isOther) return <NotFound />;
  return <AssetLibrary />;
}
