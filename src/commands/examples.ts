/** Sentences shown in help texts and the app manifest; every one of them is a working command. */
export const EXAMPLES: readonly string[] = [
  'who can access info@',
  'my mailboxes',
  'add alex@ to info@',
  'add alex@ to info@ as send as for 30 days because holiday cover',
  'add Alex Wilber to "Customer Support" as full access for 2 weeks without automapping',
  'remove alex@ from info@',
  'remove alex@ from info@ send as',
  'pending',
  'history info@',
  'owners info@',
  'add owner megan@ to info@',
  'remove owner megan@ from info@',
  'set approvals channel',
  'help',
];
