import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  effect,
  type ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { NOTE_BODY_MAX_LENGTH, type NoteDto, type NoteVisibility } from '@cloudvault/contracts';
import { ToastService } from '../../../core/toast/toast.service';
import { FieldErrorComponent } from '../../../shared/forms/field-error.component';
import { applyServerErrors, controlMessage } from '../../../shared/forms/form-errors';
import { DoctorNotesApiService } from './doctor-notes-api.service';

let nextFormId = 0;

/** Writes a new note, or edits `note` when given. Emits the saved note. */
@Component({
  selector: 'cv-note-form',
  imports: [ReactiveFormsModule, FieldErrorComponent],
  templateUrl: './note-form.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NoteFormComponent {
  private readonly api = inject(DoctorNotesApiService);
  private readonly toasts = inject(ToastService);

  readonly patientId = input.required<string>();
  readonly note = input<NoteDto | null>(null);
  readonly saved = output<NoteDto>();
  readonly cancelled = output<void>();

  protected readonly id = `note-form-${nextFormId++}`;
  protected readonly maxLength = NOTE_BODY_MAX_LENGTH;
  protected readonly saving = signal(false);
  protected readonly formErrors = signal<string[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group({
    body: ['', [Validators.required, Validators.maxLength(NOTE_BODY_MAX_LENGTH)]],
    visibility: ['private' as NoteVisibility, Validators.required],
  });
  protected readonly message = controlMessage;
  private readonly bodyInput = viewChild.required<ElementRef<HTMLTextAreaElement>>('bodyInput');

  constructor() {
    effect(() => {
      const note = this.note();
      if (note) this.form.setValue({ body: note.body, visibility: note.visibility });
    });
    // "Edit" replaces the note with this form: put the keyboard focus where the text is.
    afterNextRender(() => {
      if (this.note()) this.bodyInput().nativeElement.focus();
    });
  }

  protected submit(): void {
    this.form.markAllAsTouched();
    const body = this.form.controls.body.value.trim();
    if (!body) this.form.controls.body.setErrors({ required: true });
    if (this.form.invalid || this.saving()) return;
    const value = { body, visibility: this.form.controls.visibility.value };
    const editing = this.note();
    this.saving.set(true);
    this.formErrors.set([]);
    const request = editing
      ? this.api.update(this.patientId(), editing.id, value)
      : this.api.create(this.patientId(), value);
    request.subscribe({
      next: (note) => {
        this.saving.set(false);
        this.toasts.success(
          editing
            ? 'Note updated.'
            : note.visibility === 'shared'
              ? 'Note saved and shared with the patient.'
              : 'Private note saved.',
        );
        if (!editing) this.form.reset({ body: '', visibility: value.visibility });
        this.saved.emit(note);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.formErrors.set(applyServerErrors(this.form, err));
        this.toasts.failure(err, 'The note could not be saved.');
      },
    });
  }
}
