import {
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { filter } from 'rxjs';
import { NotificationBellComponent } from './core/notifications/notification-bell.component';
import { SessionService } from './core/session/session.service';
import { NAV_LINKS } from './core/shell/nav-links';
import { NavigationErrorState } from './core/shell/navigation-error';
import { ToastOutletComponent } from './shared/toast/toast-outlet.component';

/** The shell: skip link, header with the role's navigation and sign-out, toasts, and the routed page. */
@Component({
  selector: 'cv-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, ToastOutletComponent, NotificationBellComponent],
  templateUrl: './app.html',
  styleUrl: './app.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly session = inject(SessionService);
  protected readonly links = computed(() => {
    const role = this.session.role();
    return role ? NAV_LINKS[role] : [];
  });
  protected readonly navigationError = inject(NavigationErrorState);
  private readonly router = inject(Router);
  protected readonly menuOpen = signal(false);
  protected readonly signingOut = signal(false);
  private readonly main = viewChild<ElementRef<HTMLElement>>('main');

  constructor() {
    this.router.events
      .pipe(
        filter((e): e is NavigationEnd => e instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe((e) => {
        this.menuOpen.set(false);
        this.navigationError.failedUrl.set(null);
        // After an in-app navigation, move focus to the new page so screen readers and keyboards start there.
        if (e.id > 1) this.main()?.nativeElement.focus({ preventScroll: true });
      });
  }

  protected toggleMenu(): void {
    this.menuOpen.update((open) => !open);
  }

  protected retryNavigation(url: string): void {
    this.navigationError.failedUrl.set(null);
    void this.router.navigateByUrl(url);
  }

  /** Escape closes the phone menu and gives focus back to its button. */
  protected closeMenu(toggle: HTMLElement): void {
    if (!this.menuOpen()) return;
    this.menuOpen.set(false);
    toggle.focus();
  }

  protected signOut(): void {
    this.signingOut.set(true);
    this.session.signOut().subscribe({ complete: () => this.signingOut.set(false) });
  }
}
