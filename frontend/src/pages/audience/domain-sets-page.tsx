// Domain sets (ABM target account lists): the index at /domain-sets and a set's normalization and
// match report at /domain-sets/:id (the navigation entry is nested).
import { useRoute } from 'wouter';
import { DomainSetReportView } from './domain-set-report';
import { DomainSetsIndex } from './domain-sets-index';

export default function DomainSetsPage() {
  const [isDetail, params] = useRoute<{ id: string }>('/domain-sets/:id');
  return isDetail ? <DomainSetReportView key={params.id} id={params.id} /> : <DomainSetsIndex />;
}
