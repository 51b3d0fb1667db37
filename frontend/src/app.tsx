import { useEffect, useState } from 'react';
import type { HealthResponse } from '@shared/contracts/health';

export function App() {
  const [health, setHealth] = useState<HealthResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetch('/api/health')
      .then(async (r) => setHealth((await r.json()) as HealthResponse))
      .catch((e: Error) => setError(e.message));
  }, []);
  return (
    <main className="p-8 font-sans">
      <h1 className="text-2xl font-semibold">Pivotal CRM</h1>
      <p data-testid="health-status">{error ? `unreachable: ${error}` : health ? health.status : 'checking…'}</p>
    </main>
  );
}
