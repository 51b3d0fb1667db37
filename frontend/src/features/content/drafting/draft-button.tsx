// "Draft with AI" on a text asset's page: a brief in, a new AI-written version out.
import type { AssetType } from '@shared/contracts/content';

export interface DraftWithAiButtonProps {
  assetId: string;
  assetType: AssetType;
}

export function DraftWithAiButton(_props: DraftWithAiButtonProps) {
  return null;
}
