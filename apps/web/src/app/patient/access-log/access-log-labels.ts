const VERBS: Record<string, string> = {
  list: 'viewed the list of',
  read: 'viewed',
  view: 'viewed',
  get: 'viewed',
  summary: 'viewed the summary of',
  download: 'downloaded',
  content: 'downloaded',
  create: 'added',
  upload: 'uploaded',
  update: 'changed',
  delete: 'deleted',
  cancel: 'cancelled',
  generate: 'generated',
};

/** `file.download` → "downloaded file"; unknown actions are shown as they are. */
export function describeAction(action: string, resourceType: string): string {
  const verb = action.split('.').at(-1) ?? action;
  const thing = resourceType.replace(/[_-]+/g, ' ');
  const words = VERBS[verb];
  return words ? `${words.charAt(0).toUpperCase()}${words.slice(1)} ${thing}${verb === 'list' ? 's' : ''}` : action;
}
