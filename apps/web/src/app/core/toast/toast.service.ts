import { Injectable, signal } from '@angular/core';
import { errorMessage, isGloballyReported } from '../http/api-error';

export type ToastKind = 'success' | 'error' | 'info';

export interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
}

const LIFETIME_MS: Record<ToastKind, number> = { success: 5000, info: 6000, error: 10000 };

/** Short messages for the outcome of an action; shown by the shell's toast outlet (an aria-live region). */
@Injectable({ providedIn: 'root' })
export class ToastService {
  private readonly list = signal<Toast[]>([]);
  private nextId = 1;

  readonly toasts = this.list.asReadonly();

  success(text: string): void {
    this.show('success', text);
  }

  info(text: string): void {
    this.show('info', text);
  }

  error(text: string): void {
    this.show('error', text);
  }

  /** The failure of a request, in the API's words (`message`), unless the error interceptor already said it. */
  failure(err: unknown, fallback?: string): void {
    if (isGloballyReported(err)) return;
    this.show('error', errorMessage(err, fallback));
  }

  dismiss(id: number): void {
    this.list.update((all) => all.filter((t) => t.id !== id));
  }

  private show(kind: ToastKind, text: string): void {
    // Parallel requests failing the same way say it once.
    if (this.list().some((t) => t.kind === kind && t.text === text)) return;
    const id = this.nextId++;
    this.list.update((all) => [...all.slice(-3), { id, kind, text }]);
    setTimeout(() => this.dismiss(id), LIFETIME_MS[kind]);
  }
}
