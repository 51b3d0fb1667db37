// CopyButton: copies a value to the clipboard, shows a tick for a moment and says so to screen
// readers; when the browser refuses, a toast says to copy by hand.
import { useEffect, useState } from 'react';
import { Check, Copy } from 'lucide-react';
import { Button, type ButtonProps } from './button';
import { IconButton } from './icon-button';
import { toast } from './toast';

const COPIED_MS = 1_500;

export interface CopyButtonProps extends Omit<ButtonProps, 'onClick' | 'children' | 'value'> {
  /** The text put on the clipboard. */
  value: string;
  /** The accessible name (and tooltip) of the icon-only button, e.g. "Copy value of the DKIM record". */
  label?: string;
  /** Visible text: the button shows it beside the icon instead of being icon-only. */
  text?: string;
}

export function CopyButton({ value, label, text, variant = 'ghost', size, ...props }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      toast.error('The browser did not allow copying: select the text and copy it by hand.');
    }
  }

  const icon = copied ? <Check aria-hidden="true" className="text-success-text" /> : <Copy aria-hidden="true" />;
  return (
    <>
      {text ? (
        <Button variant={variant === 'ghost' ? 'outline' : variant} size={size ?? 'sm'} onClick={() => void copy()} {...props}>
          {icon}
          {copied ? 'Copied' : text}
        </Button>
      ) : (
        <IconButton label={label ?? 'Copy'} icon={icon} variant={variant} size={size ?? 'icon-sm'} onClick={() => void copy()} {...props} />
      )}
      <span className="sr-only" aria-live="polite">
        {copied ? 'Copied' : ''}
      </span>
    </>
  );
}
