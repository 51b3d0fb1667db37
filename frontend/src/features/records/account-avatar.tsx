// An account's avatar: its initials on a gradient whose hues come from the domain (or the name),
// so the same company always wears the same colours and neighbours rarely match.
import { cn } from '@/lib/utils';
import { initialsOf } from '@/features/records/format';

/** FNV-1a: a small, stable string hash (no crypto needed for colours). */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Two hues 40–80° apart, dark enough that white initials pass AA contrast. */
export function avatarGradient(key: string): string {
  const hash = hashOf(key.toLowerCase());
  const hue = hash % 360;
  const spread = 40 + ((hash >>> 9) % 41);
  return `linear-gradient(135deg, hsl(${hue} 62% 38%), hsl(${(hue + spread) % 360} 66% 30%))`;
}

const SIZES = { sm: 'size-8 text-[11px] rounded-md', md: 'size-11 text-sm rounded-lg', lg: 'size-14 text-lg rounded-xl' } as const;

export function AccountAvatar({ name, domain, size = 'md', className }: { name: string; domain: string | null; size?: keyof typeof SIZES; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn('grid shrink-0 place-items-center font-semibold tracking-wide text-white shadow-sm ring-1 ring-inset ring-white/15', SIZES[size], className)}
      style={{ backgroundImage: avatarGradient(domain ?? name) }}
    >
      {initialsOf(name)}
    </span>
  );
}
