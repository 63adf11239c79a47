import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { VitalFormComponent } from './vital-form.component';

describe('VitalFormComponent', () => {
  let el: HTMLElement;
  let backend: HttpTestingController;

  async function render(): Promise<() => Promise<void>> {
    TestBed.configureTestingModule({
      imports: [VitalFormComponent],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    const fixture = TestBed.createComponent(VitalFormComponent);
    el = fixture.nativeElement as HTMLElement;
    backend = TestBed.inject(HttpTestingController);
    await fixture.whenStable();
    return () => fixture.whenStable();
  }

  function set(id: string, value: string): void {
    const input = el.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`);
    if (!input) throw new Error(`no #${id}`);
    input.value = value;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
  }

  function labels(): string[] {
    return Array.from(el.querySelectorAll('label')).map((l) => l.textContent?.trim() ?? '');
  }

  function submit(): void {
    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
  }

  it('shows the fields of the chosen type, with a unit only where the type has several', async () => {
    const stable = await render();
    expect(labels()).toEqual(expect.arrayContaining(['Type', 'Systolic', 'Diastolic', 'Taken at', 'Note']));
    expect(labels()).not.toContain('Value');
    set('vital-type', 'glucose');
    await stable();
    expect(labels()).toEqual(expect.arrayContaining(['Value', 'Unit', 'Context']));
    set('vital-type', 'heart_rate');
    await stable();
    expect(labels()).toContain('Value');
    expect(labels()).not.toContain('Unit');
  });

  it('refuses an out-of-range value without calling the API', async () => {
    const stable = await render();
    set('vital-systolic', '400');
    set('vital-diastolic', '80');
    submit();
    await stable();
    expect(el.querySelector('#vital-systolic-error')?.textContent).toContain('Must be between 50 and 300 mmHg');
    backend.expectNone('/api/vitals');
  });

  it('posts only the fields of the type, and shows the API field errors inline', async () => {
    const stable = await render();
    set('vital-type', 'weight');
    await stable();
    set('vital-unit', 'lb');
    set('vital-value', '165');
    submit();
    const req = backend.expectOne('/api/vitals');
    expect(req.request.body).toEqual({ type: 'weight', value: 165, unit: 'lb', takenAt: expect.any(String) });
    req.flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        details: [{ field: 'value', message: 'value is not plausible' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await stable();
    expect(el.querySelector('#vital-value-error')?.textContent).toContain('value is not plausible');
  });
});
