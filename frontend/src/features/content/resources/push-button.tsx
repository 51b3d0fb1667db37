// "Push to Resources Centre" on an asset's page, with the asset's pushes and their state.
export interface PushToResourcesCentreProps {
  assetId: string;
}

export function PushToResourcesCentre(_props: PushToResourcesCentreProps) {
  return null;
}
