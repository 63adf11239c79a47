const VERBS: Record<string, string> = {
  list: 'Viewed the list of',
  read: 'Viewed',
  view: 'Viewed',
  get: 'Viewed',
  summary: 'Viewed the summary of',
  download: 'Downloaded',
  content: 'Downloaded',
  create: 'Added',
  upload: 'Uploaded',
  update: 'Changed',
  delete: 'Deleted',
  cancel: 'Cancelled',
  generate: 'Generated',
  request: 'Requested',
  accept: 'Accepted',
  reject: 'Declined',
  end: 'Ended',
};

/** The verbs whose object reads better in the plural ("Viewed the list of vitals"). */
const PLURAL_VERBS = new Set(['list', 'summary']);

function plural(word: string): string {
  return word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`;
}

/** `file.download` → "Downloaded file"; `vital.list` → "Viewed the list of vitals"; unknown actions as they are. */
export function describeAction(action: string, resourceType: string): string {
  const verb = action.split('.').at(-1) ?? action;
  const thing = resourceType.replace(/[_-]+/g, ' ');
  const words = VERBS[verb];
  return words ? `${words} ${PLURAL_VERBS.has(verb) ? plural(thing) : thing}` : action;
}
