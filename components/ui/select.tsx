import type { ComponentProps } from 'react';
import { cn } from './cn';
import { controlClass } from './input';

/**
 * A styled native <select>: keyboard, form submission and screen readers work
 * as the browser makes them, and tests pick options with `selectOption`.
 */
export function Select({ className, ...props }: ComponentProps<'select'>) {
  return <select className={cn(controlClass, className)} {...props} />;
}
