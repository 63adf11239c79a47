import { inject, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import { map } from 'rxjs';

/**
 * The `:patientId` of the patient page, for its tab components (child routes do not inherit the parent's
 * params). A signal, because the router reuses the page when the doctor moves from one patient to another.
 */
export function injectPatientId(): Signal<string> {
  const route = inject(ActivatedRoute);
  const page = route.parent ?? route;
  return toSignal(page.paramMap.pipe(map((params) => params.get('patientId') ?? '')), { requireSync: true });
}
