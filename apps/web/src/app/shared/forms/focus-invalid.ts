/** After a refused submit: moves focus to the form's first invalid field, so a keyboard user lands on it. */
export function focusFirstInvalid(form: HTMLElement): void {
  // after change detection has marked the fields (aria-invalid, ng-invalid)
  queueMicrotask(() => {
    const field = form.querySelector<HTMLElement>(
      'input.ng-invalid, select.ng-invalid, textarea.ng-invalid, [aria-invalid="true"]',
    );
    field?.focus();
  });
}
