// Where an asset is used: the email and call campaigns it is attached to.
export interface AssetUsageProps {
  assetId: string;
}

export function AssetUsage(_props: AssetUsageProps) {
  return null;
}
