// A call's recording, played on demand: the signed link is fetched only when asked (it expires),
// then one <audio> element plays it. The console's previous calls and the record timeline use it.
import { useState } from 'react';
import { PlayCircle } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/api';
import { useRecordingUrl } from './telephony-api';

function Recording({ callId }: { callId: string }) {
  const recording = useRecordingUrl(callId);
  if (recording.isPending) return <Skeleton className="h-8 w-full" />;
  if (recording.isError) return <p className="text-xs text-danger-text">{describeError(recording.error)}</p>;
  return <audio controls src={recording.data.url} className="h-8 w-full" aria-label="Call recording" />;
}

export function RecordingPlayer({ callId }: { callId: string }) {
  const [playing, setPlaying] = useState(false);
  if (playing) return <Recording callId={callId} />;
  return (
    <Button size="sm" variant="ghost" className="h-7 justify-self-start px-2 text-xs" onClick={() => setPlaying(true)}>
      <PlayCircle aria-hidden="true" />
      Play the recording
    </Button>
  );
}
