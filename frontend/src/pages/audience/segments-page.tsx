// Segments: the saved segments at /segments, the builder for a new one at /segments/new and for a
// saved one at /segments/:id (the navigation entry is nested, so this page routes its sub-paths).
import { useRoute } from 'wouter';
import { SegmentBuilder } from './segment-builder';
import { SegmentsIndex } from './segments-index';

export default function SegmentsPage() {
  const [isNew] = useRoute('/segments/new');
  const [isSaved, params] = useRoute<{ id: string }>('/segments/:id');
  if (isNew) return <SegmentBuilder key="new" id={null} />;
  if (isSaved) return <SegmentBuilder key={params.id} id={params.id} />;
  return <SegmentsIndex />;
}
