// Class-name helper for the UI kit: conditional classes (clsx) with Tailwind conflicts resolved
// so a caller's `className` wins over a component's defaults (tailwind-merge).
import { clsx, type ClassValue } from 'clsx';
import { twMerge } from 'tailwind-merge';

export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
