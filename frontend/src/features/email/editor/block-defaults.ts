// What each kind of block is called, its icon, and the block a palette button adds: sensible
// content the author edits rather than an empty box.
import { Heading, Image, Minus, MousePointerClick, MoveVertical, PanelBottom, Type, type LucideIcon } from 'lucide-react';
import { UNSUBSCRIBE_URL_VARIABLE, PREFERENCES_URL_VARIABLE, type Block, type BlockType } from '@shared/contracts/email-content';
import { makeId } from './document-ops';

export const BLOCK_TYPES: readonly BlockType[] = ['heading', 'text', 'image', 'button', 'divider', 'spacer', 'footer'];

export const BLOCK_LABELS: Record<BlockType, string> = {
  heading: 'Heading',
  text: 'Text',
  image: 'Image',
  button: 'Button',
  divider: 'Divider',
  spacer: 'Spacer',
  footer: 'Footer',
};

export const BLOCK_ICONS: Record<BlockType, LucideIcon> = {
  heading: Heading,
  text: Type,
  image: Image,
  button: MousePointerClick,
  divider: Minus,
  spacer: MoveVertical,
  footer: PanelBottom,
};

export function createBlock(type: BlockType, id: string = makeId(type)): Block {
  switch (type) {
    case 'heading':
      return { id, type, text: 'A heading', level: 2, align: 'left' };
    case 'text':
      return { id, type, html: '<p>Write something worth reading.</p>' };
    case 'image':
      // No src yet: the properties panel asks for one before the email can be saved.
      return { id, type, src: '', alt: '' };
    case 'button':
      return { id, type, label: 'Learn more', href: 'https://', background: '#2563eb', color: '#ffffff', align: 'center' };
    case 'divider':
      return { id, type, color: '#e5e7eb', thickness: 1 };
    case 'spacer':
      return { id, type, height: 24 };
    case 'footer':
      return {
        id,
        type,
        html:
          '<p>{{ sender.from_name }} · {{ sender.postal_address }}</p>' +
          `<p><a href="{{ ${UNSUBSCRIBE_URL_VARIABLE} }}">Unsubscribe</a> · <a href="{{ ${PREFERENCES_URL_VARIABLE} }}">Manage preferences</a></p>`,
      };
  }
}

/** A few words naming a block for screen readers and the properties panel: "Button: Learn more". */
export function describeBlock(block: Block): string {
  const label = BLOCK_LABELS[block.type];
  const text = (() => {
    switch (block.type) {
      case 'heading':
        return block.text;
      case 'text':
      case 'footer':
        return block.html.replace(/<[^>]*>/g, ' ');
      case 'image':
        return block.alt || block.src || 'no image yet';
      case 'button':
        return block.label;
      case 'divider':
        return '';
      case 'spacer':
        return `${block.height} px`;
    }
  })()
    .replace(/\s+/g, ' ')
    .trim();
  return text ? `${label}: ${text.length > 60 ? `${text.slice(0, 57)}…` : text}` : label;
}
