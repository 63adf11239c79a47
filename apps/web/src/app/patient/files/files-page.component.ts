import { ChangeDetectionStrategy, Component, viewChild } from '@angular/core';
import { FileUploadComponent } from './file-upload.component';
import { FilesListComponent } from './files-list.component';

@Component({
  selector: 'cv-files-page',
  imports: [FileUploadComponent, FilesListComponent],
  template: `
    <h1>Files</h1>
    <cv-file-upload (uploaded)="list()?.reload()" />
    <cv-files-list />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FilesPageComponent {
  protected readonly list = viewChild(FilesListComponent);
}
