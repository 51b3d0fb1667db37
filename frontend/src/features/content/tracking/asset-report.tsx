// An asset's report: views, clicks and leads by campaign.
export interface AssetReportProps {
  assetId: string;
}

export function AssetReport(_props: AssetReportProps) {
  return null;
}
