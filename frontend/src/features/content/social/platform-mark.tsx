// The small square mark of a social platform (LinkedIn, X, Facebook) with its name for screen
// readers, and the badge of a post's state.
import { SOCIAL_PLATFORM_LABELS, SOCIAL_POST_STATE_LABELS, type SocialPlatform, type SocialPostState } from '@shared/contracts/content-social';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { cn } from '@/lib/utils';

const MARKS: Record<SocialPlatform, { text: string; className: string }> = {
  linkedin: { text: 'in', className: 'bg-[#0a66c2] text-white' },
  x: { text: 'X', className: 'bg-black text-white ring-1 ring-white/30' },
  facebook: { text: 'f', className: 'bg-[#1456c0] text-white' },
};

/**
 * The platform's mark, named by the platform. Its letters are drawn by CSS (not text in the page),
 * so a button holding the mark is not said to show "in" or "f": its name need not hold them.
 */
export function PlatformMark({ platform, className }: { platform: SocialPlatform; className?: string }) {
  const mark = MARKS[platform];
  return (
    <span
      role="img"
      aria-label={SOCIAL_PLATFORM_LABELS[platform]}
      data-mark={mark.text}
      className={cn(
        'inline-flex size-4 shrink-0 items-center justify-center rounded-[3px] text-[10px] font-bold leading-none before:content-[attr(data-mark)]',
        mark.className,
        className,
      )}
    />
  );
}

const STATE_VARIANTS: Record<SocialPostState, BadgeVariant> = {
  draft: 'neutral',
  scheduled: 'info',
  publishing: 'warning',
  published: 'success',
  failed: 'danger',
  cancelled: 'outline',
};

export function PostStateBadge({ state, className }: { state: SocialPostState; className?: string }) {
  return (
    <Badge variant={STATE_VARIANTS[state]} dot className={className}>
      {SOCIAL_POST_STATE_LABELS[state]}
    </Badge>
  );
}
