import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { ToastService } from './toast.service';

describe('ToastService', () => {
  it('says the same thing once while it is shown, and leaves already-reported failures to the interceptor', () => {
    const toasts = TestBed.inject(ToastService);
    toasts.error('The service is temporarily unavailable.');
    toasts.error('The service is temporarily unavailable.');
    toasts.failure(new HttpErrorResponse({ status: 503 }));
    toasts.failure(
      new HttpErrorResponse({ status: 404, error: { statusCode: 404, error: 'Not Found', message: 'File not found' } }),
    );
    expect(toasts.toasts().map((t) => t.text)).toEqual(['The service is temporarily unavailable.', 'File not found']);
  });
});
