// The call as it was: the recording (its short-lived link fetched when the review opens) and the
// transcript by speaker with timestamps. The utterance being spoken is highlighted and kept in
// view while the audio plays; a click on a line plays from there; the words of the evidence chip
// last played are marked.
import { useEffect, useRef } from 'react';
import { Headphones, Pause, Play } from 'lucide-react';
import type { LeadDetail } from '@shared/contracts/leads';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Kbd } from '@/components/ui/kbd';
import { SectionCard } from '@/components/ui/section-card';
import { Skeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/api';
import { cn } from '@/lib/utils';
import { useLeadRecording } from '../leads-api';
import { formatPosition } from '../lead-time';
import { overlaps, quoteRange, utteranceAt, type PlayableQuote } from './evidence';
import type { AudioControl } from './use-audio-control';

function Recording({ lead, audio }: { lead: LeadDetail; audio: AudioControl }) {
  const recording = useLeadRecording(lead.id, lead.hasRecording);
  if (!lead.hasRecording) return <p className="text-sm text-muted-foreground">This lead has no call recording.</p>;
  if (recording.isPending) return <Skeleton className="h-10 w-full" />;
  if (recording.isError)
    return <ErrorState compact title="The recording could not be loaded" description={describeError(recording.error)} onRetry={() => void recording.refetch()} />;
  return (
    <div className="flex items-center gap-2">
      <Button size="icon-sm" variant="outline" onClick={audio.toggle} aria-label={audio.playing ? 'Pause the recording (P)' : 'Play the recording (P)'} title="Play / pause (P)">
        {audio.playing ? <Pause aria-hidden="true" /> : <Play aria-hidden="true" />}
      </Button>
      <audio ref={audio.ref} controls preload="metadata" src={recording.data.url} className="h-9 min-w-0 flex-1" aria-label="Call recording" data-testid="lead-audio" />
    </div>
  );
}

function Marked({ text, quote }: { text: string; quote: string | null }) {
  const range = quote ? quoteRange(text, quote) : null;
  if (!range) return <>{text}</>;
  return (
    <>
      {text.slice(0, range[0])}
      <mark className="rounded-sm bg-warning-subtle px-0.5 text-warning-text" data-testid="evidence-mark">
        {text.slice(range[0], range[1])}
      </mark>
      {text.slice(range[1])}
    </>
  );
}

export function RecordingTranscript({ lead, audio, activeQuote }: { lead: LeadDetail; audio: AudioControl; activeQuote: PlayableQuote | null }) {
  const utterances = lead.transcript?.utterances ?? [];
  // Nothing is "being spoken" before the first play or seek.
  const current = audio.playing || audio.positionMs > 0 ? utteranceAt(utterances, audio.positionMs) : -1;
  const listRef = useRef<HTMLOListElement>(null);

  // Keep the spoken line in view while playing (only inside the transcript's own scroll box).
  useEffect(() => {
    if (!audio.playing || current < 0) return;
    const item = listRef.current?.querySelector<HTMLElement>(`[data-index="${current}"]`);
    const box = listRef.current?.parentElement;
    if (!item || !box) return;
    const top = item.offsetTop - box.offsetTop;
    if (top < box.scrollTop || top + item.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTo({ top: top - 24, behavior: 'smooth' });
  }, [current, audio.playing]);

  return (
    <SectionCard
      id="lead-call"
      title="Call"
      description={
        lead.transcript
          ? `Transcribed by ${lead.transcript.vendor}${lead.transcript.audioSeconds ? ` · ${formatPosition(lead.transcript.audioSeconds * 1000)}` : ''}. Click a line to play from it.`
          : undefined
      }
      flush
    >
      <div className="border-b border-border px-4 py-3">
        <Recording lead={lead} audio={audio} />
      </div>
      {utterances.length === 0 ? (
        <EmptyState
          compact
          icon={<Headphones />}
          title={lead.transcript ? 'The transcript is empty' : 'No transcript'}
          description={lead.hasRecording ? 'The pipeline has not transcribed this call (yet).' : 'Leads without a call recording have no transcript.'}
        />
      ) : (
        <div className="max-h-[min(60dvh,34rem)] overflow-y-auto px-2 py-2" tabIndex={-1}>
          <ol ref={listRef} className="grid gap-0.5" aria-label="Transcript" data-testid="transcript">
            {utterances.map((u, i) => {
              const speaking = i === current;
              const quoted = activeQuote !== null && overlaps(u, activeQuote.evidence);
              return (
                <li key={`${u.startMs}-${i}`} data-index={i}>
                  <button
                    type="button"
                    onClick={() => audio.seekAndPlay(u.startMs)}
                    aria-current={speaking ? 'true' : undefined}
                    data-speaking={speaking || undefined}
                    className={cn(
                      'grid w-full grid-cols-[3.25rem_4.75rem_1fr] items-baseline gap-2 rounded-md px-2 py-1 text-left text-sm transition-colors hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring',
                      speaking && 'bg-primary-subtle text-primary-subtle-foreground hover:bg-primary-subtle',
                    )}
                  >
                    <span className="font-mono text-xs tabular-nums text-muted-foreground">{formatPosition(u.startMs)}</span>
                    <span className={cn('text-xs font-semibold uppercase tracking-wide', u.speaker === 'agent' ? 'text-info-text' : 'text-accent-subtle-foreground')}>
                      {u.speaker === 'agent' ? 'Agent' : 'Prospect'}
                    </span>
                    <span className="leading-snug">
                      <Marked text={u.text} quote={quoted ? activeQuote.evidence.text : null} />
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        </div>
      )}
      <p className="border-t border-border px-4 py-2 text-xs text-muted-foreground">
        <Kbd>P</Kbd> plays or pauses; <Kbd>1</Kbd>–<Kbd>9</Kbd> play the numbered evidence.
      </p>
    </SectionCard>
  );
}
