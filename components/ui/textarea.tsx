import type { ComponentProps } from 'react';
import { cn } from './cn';
import { controlClass } from './input';

export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return <textarea className={cn(controlClass, className)} {...props} />;
}
