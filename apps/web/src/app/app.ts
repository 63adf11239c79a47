import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter } from 'rxjs';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { SessionService } from './core/session/session.service';
import { NAV_LINKS } from './core/shell/nav-links';
import { ToastOutletComponent } from './shared/toast/toast-outlet.component';

/** The shell: skip link, header with the role's navigation and sign-out, toasts, and the routed page. */
@Component({
  selector: 'cv-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, ToastOutletComponent],
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
  protected readonly menuOpen = signal(false);
  protected readonly signingOut = signal(false);

  constructor() {
    inject(Router)
      .events.pipe(
        filter((e) => e instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.menuOpen.set(false));
  }

  protected toggleMenu(): void {
    this.menuOpen.update((open) => !open);
  }

  protected signOut(): void {
    this.signingOut.set(true);
    this.session.signOut().subscribe({ complete: () => this.signingOut.set(false) });
  }
}
