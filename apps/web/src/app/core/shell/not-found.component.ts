import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { SessionService } from '../session/session.service';

@Component({
  selector: 'cv-not-found',
  imports: [RouterLink],
  template: `
    <h1>Page not found</h1>
    <p>There is nothing at this address.</p>
    <a class="btn" [routerLink]="session.homeUrl()">Go to your home page</a>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundComponent {
  protected readonly session = inject(SessionService);
}
