// An icon-only button: always named (aria-label) and labelled on hover and focus by a tooltip.
import { forwardRef, type ReactNode } from 'react';
import { Button, type ButtonProps } from './button';
import { SimpleTooltip } from './tooltip';
import { Kbd } from './kbd';

export interface IconButtonProps extends Omit<ButtonProps, 'children' | 'aria-label'> {
  /** The accessible name, also shown as the tooltip. */
  label: string;
  icon: ReactNode;
  /** Shown beside the label in the tooltip, e.g. "⌘K". */
  shortcut?: string;
  tooltipSide?: 'top' | 'right' | 'bottom' | 'left';
}

export const IconButton = forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton(
  { label, icon, shortcut, tooltipSide, variant = 'ghost', size = 'icon', ...props },
  ref,
) {
  return (
    <SimpleTooltip
      side={tooltipSide}
      content={
        <span className="flex items-center gap-2">
          {label}
          {shortcut && <Kbd className="border-transparent bg-background/15 text-background">{shortcut}</Kbd>}
        </span>
      }
    >
      <Button ref={ref} variant={variant} size={size} aria-label={label} {...props}>
        {icon}
      </Button>
    </SimpleTooltip>
  );
});
