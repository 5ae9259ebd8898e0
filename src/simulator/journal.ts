export interface JournalEntry {
  time: string;
  method: string;
  path: string;
  status: number;
  cmdlet?: string;
  parameters?: unknown;
}

export class Journal {
  private entries: JournalEntry[] = [];

  constructor(private readonly now: () => Date) {}

  record(entry: Omit<JournalEntry, 'time'>): void {
    this.entries.push({ time: this.now().toISOString(), ...entry });
  }

  list(): JournalEntry[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
