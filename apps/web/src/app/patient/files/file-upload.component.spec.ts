import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { FileUploadComponent } from './file-upload.component';

describe('FileUploadComponent', () => {
  let el: HTMLElement;
  let backend: HttpTestingController;
  let stable: () => Promise<void>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [FileUploadComponent],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    const fixture = TestBed.createComponent(FileUploadComponent);
    el = fixture.nativeElement as HTMLElement;
    backend = TestBed.inject(HttpTestingController);
    stable = () => fixture.whenStable();
    await stable();
  });

  function pick(file: File): void {
    const input = el.querySelector<HTMLInputElement>('#file-input');
    if (!input) throw new Error('no file input');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
  }

  function upload(): void {
    Array.from(el.querySelectorAll('button'))
      .find((b) => b.textContent?.trim() === 'Upload')
      ?.click();
  }

  it('shows the real upload progress, then the success', async () => {
    pick(new File(['%PDF-1.4 hello'], 'lab.pdf', { type: 'application/pdf' }));
    upload();
    const req = backend.expectOne('/api/files');
    expect(req.request.body).toBeInstanceOf(FormData);
    expect((req.request.body as FormData).get('file')).toBeInstanceOf(File);
    req.event({ type: HttpEventType.UploadProgress, loaded: 40, total: 100 });
    await stable();
    expect(el.querySelector('progress')?.getAttribute('value')).toBe('40');
    req.flush({
      id: '665f1c2e9b1e8a3d4c5b6a79',
      name: 'lab.pdf',
      contentType: 'application/pdf',
      size: 14,
      sha256: 'x',
      createdAt: '',
      patientId: '1',
    });
    await stable();
    expect(el.querySelector('progress')).toBeNull();
  });

  it('explains a refused type in plain words, and never sends a file the limits already rule out', async () => {
    pick(new File(['MZ'], 'setup.exe'));
    await stable();
    expect(el.querySelector('[role=alert]')?.textContent).toContain('not accepted');
    upload();
    backend.expectNone('/api/files');

    pick(new File(['MZ not a pdf'], 'scan.pdf'));
    upload();
    backend
      .expectOne('/api/files')
      .flush(
        { statusCode: 415, error: 'Unsupported Media Type', message: 'File type not allowed' },
        { status: 415, statusText: 'Unsupported Media Type' },
      );
    await stable();
    expect(el.querySelector('[role=alert]')?.textContent).toContain('the check looks at the content, not the name');
  });
});
