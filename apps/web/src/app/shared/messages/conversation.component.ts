import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MESSAGE_BODY_MAX_LENGTH, type MessageDto } from '@cloudvault/contracts';
import { filter } from 'rxjs';
import { errorMessage } from '../../core/http/api-error';
import { LiveNotificationsService } from '../../core/notifications/live-notifications.service';
import { SessionService } from '../../core/session/session.service';
import { ErrorStateComponent } from '../state/error-state.component';
import { LoadingStateComponent } from '../state/loading-state.component';
import { MessagesApiService } from './messages-api.service';

/** A message typed here that is on its way, or failed and can be retried. */
interface Outgoing {
  key: number;
  body: string;
  state: 'sending' | 'failed';
  error?: string;
}

/**
 * One consultation's conversation, oldest at the top and newest at the bottom: "Load earlier", a send form
 * with sending and failed (retry) states, read receipts on the caller's own messages. A new message from
 * the other party (a live `message.received`) reloads the newest page. Bodies are rendered as text.
 */
@Component({
  selector: 'cv-conversation',
  imports: [DatePipe, ErrorStateComponent, LoadingStateComponent],
  templateUrl: './conversation.component.html',
  styleUrl: './conversation.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConversationComponent {
  private readonly api = inject(MessagesApiService);
  private readonly session = inject(SessionService);

  readonly consultationId = input.required<string>();
  /** An ended consultation: the history stays readable, nothing can be sent. */
  readonly readOnly = input(false);

  protected readonly maxLength = MESSAGE_BODY_MAX_LENGTH;
  protected readonly me = computed(() => this.session.user()?.id);
  /** Newest first, as the API pages them. */
  private readonly loaded = signal<MessageDto[]>([]);
  protected readonly messages = computed(() => [...this.loaded()].reverse());
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadingEarlier = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly outgoing = signal<Outgoing[]>([]);
  protected readonly draft = signal('');
  private nextKey = 1;

  constructor() {
    effect(() => {
      const id = this.consultationId();
      untracked(() => this.reload(id));
    });
    inject(LiveNotificationsService)
      .arrivals$.pipe(
        filter((n) => n.type === 'message.received'),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(() => this.refreshNewest());
  }

  protected reload(id = this.consultationId()): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.list(id).subscribe({
      next: (page) => {
        this.loaded.set(page.items);
        this.nextCursor.set(page.nextCursor);
        this.loading.set(false);
        this.markRead();
      },
      error: (err: unknown) => {
        this.error.set(err);
        this.loading.set(false);
      },
    });
  }

  protected loadEarlier(): void {
    const cursor = this.nextCursor();
    if (!cursor) return;
    this.loadingEarlier.set(true);
    this.api.list(this.consultationId(), cursor).subscribe({
      next: (page) => {
        this.loaded.update((all) => [...all, ...page.items.filter((m) => !all.some((x) => x.id === m.id))]);
        this.nextCursor.set(page.nextCursor);
        this.loadingEarlier.set(false);
      },
      error: () => this.loadingEarlier.set(false),
    });
  }

  protected submit(event: Event): void {
    event.preventDefault();
    const body = this.draft();
    if (!body.trim() || body.length > this.maxLength) return;
    this.draft.set('');
    const item: Outgoing = { key: this.nextKey++, body, state: 'sending' };
    this.outgoing.update((all) => [...all, item]);
    this.deliver(item);
  }

  protected retry(item: Outgoing): void {
    this.deliver(item);
  }

  protected discard(item: Outgoing): void {
    this.outgoing.update((all) => all.filter((o) => o.key !== item.key));
  }

  protected onInput(event: Event): void {
    this.draft.set((event.target as HTMLTextAreaElement).value);
  }

  protected errorText(err: unknown): string {
    return errorMessage(err, 'The conversation could not be loaded.');
  }

  private deliver(item: Outgoing): void {
    this.setOutgoing(item.key, { state: 'sending', error: undefined });
    this.api.send(this.consultationId(), item.body).subscribe({
      next: (sent) => {
        this.discard(item);
        this.loaded.update((all) => [sent, ...all.filter((m) => m.id !== sent.id)]);
      },
      error: (err: unknown) => this.setOutgoing(item.key, { state: 'failed', error: errorMessage(err, 'Not sent.') }),
    });
  }

  private setOutgoing(key: number, patch: Partial<Outgoing>): void {
    this.outgoing.update((all) => all.map((o) => (o.key === key ? { ...o, ...patch } : o)));
  }

  private refreshNewest(): void {
    this.api.list(this.consultationId()).subscribe({
      next: (page) => {
        this.loaded.update((all) => {
          const fresh = page.items;
          return [...fresh, ...all.filter((m) => !fresh.some((f) => f.id === m.id))].sort((a, b) =>
            b.createdAt.localeCompare(a.createdAt),
          );
        });
        this.markRead();
      },
    });
  }

  private markRead(): void {
    const mine = this.me();
    if (this.loaded().some((m) => m.senderId !== mine && !m.readAt)) {
      this.api.markRead(this.consultationId()).subscribe({ error: () => undefined });
    }
  }
}
